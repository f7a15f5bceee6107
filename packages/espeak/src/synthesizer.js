/// <reference path="./espeak-ng.d.ts" />
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ESpeakNg from 'espeak-ng';

/**
 * Raw exports of the espeak-ng WASM build that the Emscripten glue does not expose.
 * @typedef {object} WasmExports
 * @property {{ buffer: ArrayBuffer }} memory
 * @property {(argc: number, argv: number) => number} __main_argc_argv
 * @property {() => number} stackSave
 * @property {(sp: number) => void} stackRestore
 * @property {(size: number) => number} stackAlloc
 */

/**
 * The slice of the WebAssembly API used here (the project's TypeScript libs do not declare it).
 * @typedef {object} WasmApi
 * @property {(bytes: Uint8Array) => Promise<object>} compile
 * @property {(module: object, imports: object) => Promise<{ exports: object }>} instantiate
 */
const wasmApi = /** @type {{ WebAssembly: WasmApi }} */ (/** @type {unknown} */ (globalThis)).WebAssembly;

/**
 * Voice and speaking rate (words per minute) for one espeak-ng call.
 * @typedef {{ voice: string, rate: number }} EspeakArgs
 */

const INPUT = '/parley-input.txt';
const OUTPUT = '/parley-output.wav';

/** @type {Promise<object> | null} */
let compiled = null;
/** @type {Promise<EspeakInstance> | null} */
let shared = null;
/** Set when calibration failed once: later instances skip it and serve one call each. */
let optindUnlocatable = false;

/**
 * Synthesizes `text` with the espeak-ng CLI compiled to WASM; returns its WAV file (22,050 Hz
 * mono s16). The 18.5 MB module is compiled once per process and one instance is reused.
 * Calls need no lock: each runs main() synchronously, so two can never interleave.
 * @param {string} text
 * @param {EspeakArgs} args
 * @returns {Promise<Uint8Array>}
 */
export async function espeakToWav(text, args) {
  for (;;) {
    const pending = acquire();
    const instance = await pending;
    if (instance.reusable) {
      try {
        return instance.synthesize(text, args);
      } finally {
        if (!instance.reusable && shared === pending) shared = null;
      }
    }
    if (shared === pending) shared = null;
  }
}

/** @returns {Promise<EspeakInstance>} */
function acquire() {
  shared ??= EspeakInstance.create().catch((error) => {
    shared = null; // let a later call retry
    throw error;
  });
  return shared;
}

/** @returns {Promise<object>} */
function compile() {
  compiled ??= (async () => {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('espeak-ng')), 'espeak-ng.wasm');
    return wasmApi.compile(await readFile(file));
  })();
  return compiled;
}

/**
 * One instantiated espeak-ng. The build exports only the CLI's main(), which parses options with
 * libc getopt; getopt keeps its position in the global `optind`, so a second main() would skip
 * every option. We find optind once by watching which word moves as expected across two
 * calibration runs, and set it back to 1 before each call. If that fails, the instance serves
 * one call only (correct, just ~100 ms slower per call).
 */
class EspeakInstance {
  /** @type {number | null} */
  optindAddress = null;
  /** @type {string[]} */
  errors = [];
  used = false;

  /**
   * @param {import('espeak-ng').ESpeakNgModule} module
   * @param {WasmExports} wasm
   */
  constructor(module, wasm) {
    this.module = module;
    this.wasm = wasm;
  }

  /**
   * @param {boolean} [calibrate]
   * @returns {Promise<EspeakInstance>}
   */
  static async create(calibrate = !optindUnlocatable) {
    const wasmModule = await compile();
    /** @type {WasmExports | null} */
    let exports = null;
    /** @type {{ instance?: EspeakInstance }} */
    const holder = {};
    const module = await ESpeakNg({
      noInitialRun: true,
      print: () => {},
      printErr: (line) => holder.instance?.errors.push(line),
      instantiateWasm(imports, done) {
        wasmApi.instantiate(wasmModule, imports).then((instance) => {
          exports = /** @type {WasmExports} */ (/** @type {unknown} */ (instance.exports));
          done(instance, wasmModule);
        });
        return {};
      },
    });
    if (!exports) throw new Error('espeak-ng: WASM instance did not initialise');
    const instance = new EspeakInstance(module, exports);
    holder.instance = instance;
    if (!calibrate) return instance;
    instance.optindAddress = instance.locateOptind();
    if (instance.optindAddress !== null) return instance;
    // Calibration spent this instance's one clean getopt state; never calibrate again.
    optindUnlocatable = true;
    return EspeakInstance.create(false);
  }

  /** Whether the instance can serve another call. */
  get reusable() {
    return this.optindAddress !== null || !this.used;
  }

  /**
   * @param {string} text
   * @param {EspeakArgs} args
   * @returns {Uint8Array}
   */
  synthesize(text, { voice, rate }) {
    this.used = true;
    this.errors = [];
    /** @type {number} */
    let status;
    try {
      // Text goes through a file, so text starting with '-' is never read as an option.
      this.module.FS.writeFile(INPUT, text);
      status = this.main(['-v', voice, '-s', String(Math.round(rate)), '-w', OUTPUT, '-f', INPUT]);
    } catch (error) {
      this.optindAddress = null; // a trap leaves the instance in an unknown state: never reuse
      throw error;
    }
    if (status !== 0) {
      this.optindAddress = null; // state after a failed run is unknown: never reuse
      // Drop the Emscripten runtime's own note about exit() so the user sees espeak's message.
      const message = this.errors.filter((line) => !line.startsWith('program exited')).join(' ');
      throw new Error(`espeak-ng failed (exit ${status}): ${message.trim() || 'no message'}`);
    }
    const wav = this.module.FS.readFile(OUTPUT);
    this.module.FS.unlink(OUTPUT);
    return wav;
  }

  /**
   * Calls main(argv) with optind reset; returns the exit status (exit() calls included).
   * @param {string[]} args
   * @returns {number}
   */
  main(args) {
    const { wasm } = this;
    if (this.optindAddress !== null) this.memory()[this.optindAddress] = 1;
    const argv = ['espeak-ng', ...args];
    const sp = wasm.stackSave();
    try {
      const pointers = argv.map((arg) => {
        const bytes = new TextEncoder().encode(`${arg}\0`);
        const at = wasm.stackAlloc(bytes.length);
        new Uint8Array(wasm.memory.buffer, at, bytes.length).set(bytes);
        return at;
      });
      const table = wasm.stackAlloc(4 * (pointers.length + 1));
      new Uint32Array(wasm.memory.buffer, table, pointers.length + 1).set([...pointers, 0]);
      return wasm.__main_argc_argv(argv.length, table);
    } catch (error) {
      // exit(n) inside the program surfaces as an Emscripten ExitStatus carrying n.
      if (error && typeof error === 'object' && 'status' in error) return Number(error.status);
      throw error;
    } finally {
      wasm.stackRestore(sp);
    }
  }

  /**
   * Runs two silent calibration calls and returns optind's word index, or null if ambiguous.
   * @returns {number | null}
   */
  locateOptind() {
    // With every argument an option, getopt leaves optind at argc. (Not -q: it sticks.)
    const first = ['-v', 'en-us', '-w', OUTPUT, '-f', INPUT];
    const second = ['-w', OUTPUT, '-f', INPUT];
    this.module.FS.writeFile(INPUT, 'a');
    const before = this.memory().slice();
    if (this.main(first) !== 0) return null;
    const after = this.memory();
    /** @type {number[]} */
    const candidates = [];
    for (let i = 0; i < before.length; i++) if (before[i] === 1 && after[i] === first.length + 1) candidates.push(i);
    for (const i of candidates) this.memory()[i] = 1;
    if (this.main(second) !== 0) return null;
    const confirmed = candidates.filter((i) => this.memory()[i] === second.length + 1);
    this.module.FS.unlink(OUTPUT);
    return confirmed.length === 1 ? /** @type {number} */ (confirmed[0]) : null;
  }

  /** @returns {Int32Array} */
  memory() {
    return new Int32Array(this.wasm.memory.buffer);
  }
}

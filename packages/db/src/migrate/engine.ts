import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { catalogPool } from './catalog-pool';

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type Imports = Record<string, unknown>;

// @types/node 20 does not declare the WebAssembly global that Node has; only this much is used.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, Imports>): Promise<{ instance: { exports: Imports } }>;
};

// The engine arms a 10 s timer around its migration lock and never clears it, which would keep
// a finished CLI alive for 10 s; its timers are unref'd so they never hold the process open.
function withUnrefTimers(glue: Bindings): Imports {
  const imports: Imports = { ...glue };
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    imports[name] = (...args: unknown[]) => {
      const timer = (value as (...a: unknown[]) => { unref?: () => void } | undefined)(...args);
      timer?.unref?.();
      return timer;
    };
  }
  return imports;
}

let bindings: Promise<Bindings> | undefined;
let lastPanic: string | undefined;

// The engine reports a Rust panic's message through this global before it aborts; without it the
// panic surfaces as an unrelated TypeError.
const panicHost = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };

/**
 * The package's own entry imports the .wasm file as an ES module, which Node cannot do, so the
 * glue module is loaded alone and handed a wasm instance compiled here (once per process).
 */
function loadBindings(): Promise<Bindings> {
  panicHost.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      lastPanic = message;
    },
  };
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue: Bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === 'function') start();
    return glue;
  })();
  return bindings;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/** No tables or enums are managed outside Prisma in this project. */
export const noExternalObjects = { externalTables: [], externalEnums: [] };

/**
 * Runs `work` with Prisma's schema engine (WASM) connected to the database at `url`, then frees the
 * engine and closes its connections (the engine never closes a pool it was handed).
 */
export async function withSchemaEngine<T>(
  url: string,
  schema: SchemaFile | undefined,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  const pool = catalogPool(url);
  const log = (line: string) => {
    if (process.env.PARLEY_MIGRATE_DEBUG) console.error(line);
  };
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const datamodels: [string, string][] | undefined = schema ? [[schema.path, schema.content]] : undefined;
    const engine = await SchemaEngine.new({ datamodels }, log, adapter);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/** The engine rejects with plain objects or strings as often as with Errors. */
export function describeEngineError(error: unknown): string {
  if (lastPanic) {
    const panic = lastPanic;
    lastPanic = undefined;
    return `the schema engine panicked: ${panic}`;
  }
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return JSON.stringify(error);
}

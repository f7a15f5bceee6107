import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ProviderError } from '../errors';

/** Where Debian's `pocketsphinx` and `pocketsphinx-en-us` packages put the recognizer and model. */
export interface PocketsphinxInstall {
  /** The recognizer CLI (Debian bookworm ships 0.8's `pocketsphinx_continuous`). */
  binary: string;
  /** Acoustic model directory. */
  hmm: string;
  /** Pronunciation dictionary. */
  dict: string;
}

export const DEBIAN_POCKETSPHINX: PocketsphinxInstall = {
  binary: 'pocketsphinx_continuous',
  hmm: '/usr/share/pocketsphinx/model/en-us/en-us',
  dict: '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict',
};

function onPath(binary: string): boolean {
  if (binary.includes('/')) return existsSync(binary);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, binary)));
}

/** True when the recognizer and its English model are installed (Debian: pocketsphinx, pocketsphinx-en-us). */
export function isPocketsphinxAvailable(install: PocketsphinxInstall = DEBIAN_POCKETSPHINX): boolean {
  return onPath(install.binary) && existsSync(install.hmm) && existsSync(install.dict);
}

const dictionaries = new Map<string, Set<string>>();

/** The words of a pronunciation dictionary (`word PH O N ES`, variants as `word(2)`), read once. */
export function dictionaryWords(path: string): Set<string> {
  let words = dictionaries.get(path);
  if (!words) {
    words = new Set();
    // Scanned by index, not split into lines: every call process reads these 126k lines as it
    // warms up, and this way takes a fifth of the CPU.
    const text = readFileSync(path, 'utf8');
    for (let at = 0; at < text.length; ) {
      const newline = text.indexOf('\n', at);
      const lineEnd = newline < 0 ? text.length : newline;
      const space = text.indexOf(' ', at);
      let word = text.slice(at, space < 0 || space > lineEnd ? lineEnd : space);
      if (word.endsWith(')')) word = word.replace(/\(\d+\)$/, '');
      if (word) words.add(word);
      at = lineEnd + 1;
    }
    dictionaries.set(path, words);
  }
  return words;
}

/**
 * Runs the recognizer once over 16 kHz mono PCM, constrained by a JSGF grammar. It prints one
 * hypothesis line per utterance its own VAD finds; they are joined. A process per utterance
 * costs ~0.15 s including model load, so no warm process is kept. Grammar and audio go through
 * a scratch directory, removed afterwards: the CLI opens its input by name, and Node's stdin
 * pipes are sockets, which /dev/stdin cannot open.
 */
export async function recognize(
  samples: Int16Array,
  jsgf: string,
  install: PocketsphinxInstall,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-pocketsphinx-'));
  try {
    const grammarPath = join(dir, 'phrases.jsgf');
    const audioPath = join(dir, 'utterance.raw');
    await writeFile(grammarPath, jsgf);
    await writeFile(audioPath, new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
    return await run(install, ['-infile', audioPath, '-jsgf', grammarPath], options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(
  install: PocketsphinxInstall,
  args: string[],
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(install.binary, [...args, '-hmm', install.hmm, '-dict', install.dict, '-logfn', '/dev/null'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let failure: ProviderError | null = null;
    const stop = (error: ProviderError) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        stop(new ProviderError('pocketsphinx', 'timeout', `PocketSphinx took longer than ${options.timeoutMs} ms.`)),
      options.timeoutMs,
    );
    const onAbort = () => stop(new ProviderError('pocketsphinx', 'unavailable', 'PocketSphinx run was stopped.'));
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (part: string) => {
      stdout += part;
    });
    child.stderr.setEncoding('utf8').on('data', (part: string) => {
      stderr += part;
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      failure ??=
        err.code === 'ENOENT'
          ? new ProviderError(
              'pocketsphinx',
              'unavailable',
              'PocketSphinx is not installed: apt-get install pocketsphinx pocketsphinx-en-us.',
            )
          : new ProviderError('pocketsphinx', 'server', `PocketSphinx could not start: ${err.message}`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (code !== 0)
        reject(
          new ProviderError(
            'pocketsphinx',
            'server',
            `PocketSphinx failed (exit ${code}). ${stderr.trim().slice(-300)}`,
          ),
        );
      else
        resolve(
          stdout
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .join(' '),
        );
    });
  });
}

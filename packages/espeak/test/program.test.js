import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROGRAM = fileURLToPath(new URL('../bin/parley-espeak.js', import.meta.url));

/**
 * Runs the program with `lines` on stdin, closes stdin, and splits stdout into answers.
 * @param {string[]} lines
 * @returns {Promise<{ code: number | null, answers: Array<{ header: Record<string, unknown>, body: Buffer }> }>}
 */
function run(lines) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROGRAM], { stdio: ['pipe', 'pipe', 'inherit'] });
    /** @type {Buffer[]} */
    const out = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      let rest = Buffer.concat(out);
      const answers = [];
      while (rest.length > 0) {
        const newline = rest.indexOf(10);
        const header = JSON.parse(rest.subarray(0, newline).toString('utf8'));
        const bytes = typeof header.bytes === 'number' ? header.bytes : 0;
        answers.push({ header, body: rest.subarray(newline + 1, newline + 1 + bytes) });
        rest = rest.subarray(newline + 1 + bytes);
      }
      resolve({ code, answers });
    });
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}

describe('parley-espeak (stdin/stdout protocol)', () => {
  it('answers each request in order with a WAV or an error, and exits 0 when stdin closes', async () => {
    const { code, answers } = await run([
      JSON.stringify({ id: 1, text: 'Hello there.', voice: 'en-us', rate: 175 }),
      JSON.stringify({ id: 2, text: 'Hi.', voice: 'xx-nowhere', rate: 175 }),
      'not json',
      JSON.stringify({ id: 4, text: 'Hi.', voice: 'en-us', rate: 5000 }),
      JSON.stringify({ id: 5, text: 'Line one.\nLine two.', voice: 'en-gb', rate: 175 }),
    ]);
    expect(code).toBe(0);
    expect(answers.map((answer) => answer.header.id)).toEqual([1, 2, null, 4, 5]);
    const [hello, , , , twoLines] = answers;
    for (const wav of [hello, twoLines]) {
      if (!wav) throw new Error('missing answer');
      expect(wav.body.length).toBe(wav.header.bytes);
      expect(wav.body.subarray(0, 4).toString('ascii')).toBe('RIFF');
      expect(wav.body.readUInt32LE(24)).toBe(22050); // sample rate
      expect(wav.body.length).toBeGreaterThan(22050); // at least half a second of 16-bit audio
    }
    expect(answers[1]?.header.error).toMatch(/voice does not exist/);
    expect(answers[2]?.header.error).toMatch(/request is not JSON/);
    expect(answers[3]?.header.error).toMatch(/request\.rate must be words per minute between 80 and 450/);
  });
});

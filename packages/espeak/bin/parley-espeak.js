#!/usr/bin/env node
/**
 * parley-espeak: serves eSpeak NG synthesis over stdin/stdout (protocol in src/protocol.js) so
 * that GPL code never runs inside Parley's Apache-2.0 processes. One process serves many requests,
 * one at a time, keeping the compiled WASM warm; it exits when stdin closes.
 */
import { createInterface } from 'node:readline';
import { errorAnswer, parseRequest, RequestError, wavAnswer } from '../src/protocol.js';
import { espeakToWav } from '../src/synthesizer.js';

// The engine went away (closed our stdout): nobody is left to answer.
process.stdout.on('error', () => process.exit(0));

/** Answers go out in request order: each waits for the one before it. */
let queue = Promise.resolve();

createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
  .on('line', (line) => {
    if (line.trim() === '') return;
    queue = queue.then(() => answer(line));
  })
  // Exit explicitly: the Emscripten runtime leaves a failed run's status in process.exitCode.
  .on('close', () => queue.then(() => process.exit(0)));

/**
 * Synthesizes one request line and writes its answer.
 * @param {string} line
 */
async function answer(line) {
  /** @type {number | null} */
  let id = null;
  try {
    const request = parseRequest(line);
    id = request.id;
    const wav = await espeakToWav(request.text, { voice: request.voice, rate: request.rate });
    process.stdout.write(wavAnswer(id, wav));
  } catch (error) {
    if (error instanceof RequestError) id = error.id;
    process.stdout.write(errorAnswer(id, error instanceof Error ? error.message : String(error)));
  }
}

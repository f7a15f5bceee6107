import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from './recorded';
import type { TranscriptionReply } from './script';
import { isFlowStep, ScriptedResponse } from './scripted-response';

/** Serves POST /v1/audio/transcriptions: `{ text }` JSON (response_format json) or plain text. */
export async function serveTranscription(
  res: ServerResponse,
  record: RecordedRequest,
  reply: TranscriptionReply,
  shutdown: AbortSignal,
): Promise<void> {
  const format = record.form?.fields.response_format ?? 'json';
  const plain = format === 'text';
  const out = new ScriptedResponse(
    res,
    record,
    shutdown,
    { 'content-type': plain ? 'text/plain; charset=utf-8' : 'application/json' },
    null,
  );
  let text = '';
  for (const step of reply) {
    if (isFlowStep(step)) {
      if (!(await out.flow(step))) return;
    } else text += step.text;
  }
  const body = plain ? text : JSON.stringify({ text, usage: { type: 'duration', seconds: 1 } });
  out.write(body, body);
  out.end();
}

/**
 * A stereo WAV (caller left, agent right) of both tracks on one session-time axis: the caller
 * track starts `callerStartMs` in, the agent track at 0. For the review's <audio> player.
 */
export function stereoWav(caller: Int16Array, agent: Int16Array, callerStartMs: number, rate = 16000): Blob {
  const offset = Math.max(0, Math.round((callerStartMs * rate) / 1000));
  const frames = Math.max(agent.length, offset + caller.length);
  const data = new Int16Array(frames * 2);
  for (let i = 0; i < caller.length; i++) data[(offset + i) * 2] = caller[i] as number;
  for (let i = 0; i < agent.length; i++) data[i * 2 + 1] = agent[i] as number;
  const header = new DataView(new ArrayBuffer(44));
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) header.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  header.setUint32(4, 36 + data.byteLength, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true); // PCM
  header.setUint16(22, 2, true); // stereo
  header.setUint32(24, rate, true);
  header.setUint32(28, rate * 4, true);
  header.setUint16(32, 4, true);
  header.setUint16(34, 16, true);
  text(36, 'data');
  header.setUint32(40, data.byteLength, true);
  return new Blob([header.buffer, data.buffer], { type: 'audio/wav' });
}

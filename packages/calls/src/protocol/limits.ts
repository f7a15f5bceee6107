/** Caller audio the runtime accepts in binary frames: PCM s16le, mono, at this rate. */
export const CALLER_AUDIO_RATE = 16000;

/** Largest WebSocket message the runtime accepts (text or binary); larger closes the call with 1009. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

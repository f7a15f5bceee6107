/**
 * Names LiveKit agent frontends look for (the conventions of LiveKit Agents' room I/O), plus the
 * few names that are Parley's own. Frontends built on @livekit/components-react read these.
 */

/** Participant attribute holding the agent's state: initializing | idle | listening | thinking | speaking. */
export const ATTRIBUTE_AGENT_STATE = 'lk.agent.state';

/** Text-stream topic carrying transcripts of both sides. */
export const TOPIC_TRANSCRIPTION = 'lk.transcription';
/** Text-stream attribute: the segment a stream belongs to; later streams of a segment replace its text. */
export const ATTRIBUTE_SEGMENT_ID = 'lk.segment_id';
/** Text-stream attribute: 'true' once a segment's text will not change any more. */
export const ATTRIBUTE_TRANSCRIPTION_FINAL = 'lk.transcription_final';
/** Text-stream attribute: sid of the audio track the text transcribes. */
export const ATTRIBUTE_TRANSCRIBED_TRACK_ID = 'lk.transcribed_track_id';

/** Text-stream topic on which frontends send typed user messages. */
export const TOPIC_CHAT = 'lk.chat';

/** Participant attribute of helpers (e.g. avatars) publishing for an agent: never the caller. */
export const ATTRIBUTE_PUBLISH_ON_BEHALF = 'lk.publish_on_behalf';

/** Parley's own topic: every SessionEvent as one JSON object (see session-event-channel.ts). */
export const TOPIC_PARLEY_EVENTS = 'parley.events';
/** A participant with this attribute set to `on` (the tester's token carries it) gets Parley's SessionEvents. */
export const ATTRIBUTE_PARLEY_EVENTS = 'parley.events';

/** Name of the agent's published audio track. */
export const AGENT_TRACK_NAME = 'agent-voice';

/** Rate of the agent's AudioSource; TTS audio at other rates is resampled to it (LiveKit Agents' default). */
export const AGENT_AUDIO_RATE = 24000;

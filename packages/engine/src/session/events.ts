/**
 * SessionEvent: the one stream a VoiceSession emits. Tests, call records, the tester UI and
 * LiveKit data messages all read it; nothing reads session internals.
 * `t` is milliseconds since the session started.
 */
export type AgentState = 'initializing' | 'idle' | 'listening' | 'thinking' | 'speaking';

export interface TurnMetrics {
  turn: number;
  agentId: string;
  /** Real end of user speech -> end-of-turn decision. */
  endOfUtteranceDelay: number;
  /** Real end of user speech -> final transcript available. */
  transcriptionDelay: number | null;
  llmTtft: number | null;
  ttsTtfb: number | null;
  /** Real end of user speech -> first agent audio frame played. */
  voiceToVoice: number | null;
  /** End of turn -> first TTS request, excluding provider time. */
  engineOverhead: number | null;
}

export type SessionEventBody =
  | { type: 'session_started'; agentId: string }
  | { type: 'agent_state'; state: AgentState }
  | { type: 'vad'; probability: number }
  | { type: 'user_speech_started'; probability: number }
  | { type: 'user_speech_stopped'; probability: number; speechDuration: number }
  | { type: 'turn_probability'; probability: number; threshold: number }
  | {
      type: 'end_of_turn';
      mode: 'vad' | 'stt' | 'realtime_llm' | 'model' | 'manual';
      probability: number | null;
      delay: number;
    }
  | { type: 'transcript'; role: 'user'; text: string; final: boolean; source: 'speech' | 'text' }
  | { type: 'assistant_text_delta'; speechId: string; agentId: string; delta: string }
  | { type: 'assistant_message'; speechId: string; agentId: string; text: string; interrupted: boolean }
  | { type: 'tool_call'; callId: string; agentId: string; name: string; arguments: unknown }
  | { type: 'tool_result'; callId: string; name: string; output: string; isError: boolean }
  | { type: 'variable_set'; name: string; value: string | number | boolean }
  /** A key the caller pressed on the phone (or any participant published): 0-9, *, #. */
  | { type: 'dtmf'; digit: string }
  | { type: 'handoff'; from: string; to: string; edgeId: string; reason: string }
  | { type: 'interruption'; speechId: string; playedMs: number }
  | { type: 'false_interruption'; speechId: string; resumed: boolean }
  | { type: 'metrics'; metrics: TurnMetrics }
  | { type: 'error'; source: string; code: string; message: string; recoverable: boolean }
  | { type: 'session_ended'; reason: 'user_hangup' | 'end_call_tool' | 'user_away' | 'error' | 'closed' };

export type SessionEvent = SessionEventBody & { t: number };
export type SessionEventType = SessionEvent['type'];

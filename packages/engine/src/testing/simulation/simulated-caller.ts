/** The conversation as the simulated caller sees it: who said what, in order. */
export interface ConversationLine {
  role: 'agent' | 'caller';
  text: string;
}

/** The caller's next move: a line to say, and whether it hangs up (after saying it, if anything). */
export type CallerMove = { say: string; hangUp: boolean } | { hangUp: true; say?: undefined };

/** A simulated caller: an LLM with a persona, or the offline script. */
export interface SimulatedCaller {
  readonly kind: 'llm' | 'scripted';
  next(conversation: readonly ConversationLine[]): Promise<CallerMove>;
}

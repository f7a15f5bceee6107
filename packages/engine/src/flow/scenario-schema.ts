import { z } from 'zod';

/**
 * What simulated callers add to a FlowSpec: how a scenario line is spoken (voice mode) and persona
 * simulations. Every field is optional, so flows written before these existed still parse.
 * Delivery inside a line is markup in its text (`[pause 900ms]`, `[barge-in 300ms]`,
 * `[noise -50dBFS]`, `[filler um]`); see testing/voice/delivery.ts.
 */

/** How a scenario runs: typed turns (default) or spoken through VAD, STT and turn detection. */
export const scenarioModes = ['text', 'voice'] as const;

/** Fields a scenario turn may add: the caller's voice and speaking rate for this line. */
export const scenarioTurnVoiceFields = {
  /** espeak-ng voice name of the simulated caller (default en-us). */
  voice: z.string().min(1).max(100).optional(),
  /** Speaking rate in words per minute (default 175). */
  wordsPerMinute: z.number().int().min(80).max(450).optional(),
};

/** Fields a scenario may add: whether its lines are typed or spoken. */
export const scenarioModeFields = {
  mode: z.enum(scenarioModes).optional(),
};

/** A hard check a simulation's transcript must satisfy, whatever the judge says. */
export const simulationCheckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('handoff'), to: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('tool_call'),
      name: z.string().min(1),
      arguments: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('variable'),
      name: z.string().min(1),
      value: z.union([z.string(), z.number(), z.boolean()]),
    })
    .strict(),
  z.object({ kind: z.literal('ends') }).strict(),
]);

/** One line of the offline scripted persona: when the agent's last message matches, say this. */
export const personaRuleSchema = z
  .object({
    /** Case-insensitive regular expression tested against the agent's last message. */
    when: z.string().min(1),
    say: z.string().min(1).max(2000),
  })
  .strict();

/**
 * A simulated caller with a persona and a goal, who talks to the flow until either side ends
 * the call or `maxTurns` is reached; run `k` times, its pass rate is reported. With an LLM
 * configured the caller and the judge are LLMs; without one the `script` speaks.
 */
export const simulationSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(200),
    /** Who the caller is ("an angry customer, short answers"). */
    persona: z.string().max(5000).default(''),
    /** What the caller wants out of the call. */
    goal: z.string().max(5000).default(''),
    /** Facts the caller knows and gives when asked ("policy number 4279"). */
    facts: z.array(z.string().max(1000)).max(50).default([]),
    /** What a successful call looks like, judged by the LLM judge. */
    criteria: z.array(z.string().max(1000)).max(50).default([]),
    /** Checks on what happened (handoffs, tools, variables, call end); no LLM needed. */
    checks: z.array(simulationCheckSchema).max(50).default([]),
    /** Caller turns at most. */
    maxTurns: z.number().int().min(1).max(50).default(10),
    /** How many times the simulation runs. */
    k: z.number().int().min(1).max(20).default(3),
    mode: z.enum(scenarioModes).default('text'),
    /** The offline caller: lines chosen by regex on the agent's last message. */
    script: z
      .object({ rules: z.array(personaRuleSchema).max(100).default([]), fallback: z.string().max(2000).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** What publishing requires of the flow's tests (absent: nothing). */
export const testPolicyField = z
  .object({
    /** Share (0..1) of the tests of the latest run on the draft that must pass before it can be published. */
    requiredPassRate: z.number().min(0).max(1),
  })
  .strict()
  .optional();

/** The flow's simulations (absent in flows that have none). */
export const simulationsField = z.array(simulationSchema).max(100).optional();

export type Simulation = z.infer<typeof simulationSchema>;
export type TestPolicy = NonNullable<z.infer<typeof testPolicyField>>;
export type SimulationCheck = z.infer<typeof simulationCheckSchema>;
export type PersonaRule = z.infer<typeof personaRuleSchema>;
export type ScenarioMode = (typeof scenarioModes)[number];

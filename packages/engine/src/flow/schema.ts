import { z } from 'zod';
import { CURRENT_FLOW_SCHEMA_VERSION, migrateFlowSpec } from './migrate';
import { scenarioModeFields, scenarioTurnVoiceFields, simulationsField, testPolicyField } from './scenario-schema';
import { turnHandlingSchema } from './settings';
import { setting } from './settings/meta';
import { speechHygieneSchema, userTurnLimitSchema } from './speech-schema';
import { agentKinds, globalAgentSchema, onEnterSchema, toolBranchesSchema } from './steps-schema';

/**
 * FlowSpec v2: everything a user draws (v1 documents are migrated on parse, see migrate.ts).
 * The zod schema checks structure only, so a draft with semantic problems (unknown ids, out-of-range numbers) can still be saved; validate()
 * reports those, and publish/compile refuse them.
 */
export const FLOW_SCHEMA_VERSION = CURRENT_FLOW_SCHEMA_VERSION as 2;

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);

export const positionSchema = z.object({ x: z.number(), y: z.number() }).strict();

/**
 * A self-hosted OpenAI-compatible server (vLLM, Ollama, a Whisper or speech server). It goes
 * through the webhook address guard and gets only the workspace secret `apiKeySecret` names,
 * never the operator's environment keys.
 */
const customEndpoint = {
  baseUrl: z.string().optional(),
  apiKeySecret: z.string().min(1).optional(),
};

export const llmChoiceSchema = z
  .object({
    provider: z.string().min(1),
    model: z.string().optional(),
    ...customEndpoint,
    temperature: z.number().optional(),
  })
  .strict();

export const sttChoiceSchema = z
  .object({
    provider: z.string().min(1),
    model: z.string().optional(),
    ...customEndpoint,
    language: z.string().optional(),
    /** Phrases the caller is expected to say; grammar-based offline recognizers need them. */
    phrases: z.array(z.string()).optional(),
  })
  .strict();

export const ttsChoiceSchema = z
  .object({
    provider: z.string().min(1),
    model: z.string().optional(),
    ...customEndpoint,
    voice: z.string().optional(),
  })
  .strict();

export const realtimeChoiceSchema = z
  .object({ provider: z.string().min(1), model: z.string().optional(), voice: z.string().optional() })
  .strict();

export const providersSchema = z
  .object({
    llm: llmChoiceSchema.optional(),
    stt: sttChoiceSchema.optional(),
    tts: ttsChoiceSchema.optional(),
    realtime: realtimeChoiceSchema.optional(),
  })
  .strict();

/** A header sent with a webhook: a literal value, or a named secret resolved at call time. */
export const webhookHeaderSchema = z.union([
  z.object({ name: z.string().min(1), value: z.string() }).strict(),
  z.object({ name: z.string().min(1), secret: z.string().min(1) }).strict(),
]);

export const webhookToolSchema = z
  .object({
    type: z.literal('webhook'),
    name: z.string(),
    description: text(2000).default(''),
    url: z.string(),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('POST'),
    headers: z.array(webhookHeaderSchema).default([]),
    /** JSON Schema of the arguments the LLM must supply. */
    parameters: z.record(z.string(), z.unknown()).default({ type: 'object', properties: {} }),
    timeoutMs: setting(
      z.number(),
      { label: 'Timeout', unit: 'ms', min: 1, max: 120000, step: 500, help: 'How long to wait for the webhook.' },
      10000,
    ),
    /**
     * A canned JSON answer given instead of calling `url`: templates and drafts work offline and
     * deterministically until a real endpoint exists. Remove it to call the webhook.
     */
    mockResponse: z.record(z.string(), z.unknown()).optional(),
    /** Routes the result to an agent by a JSON path, with no LLM round in between. */
    branches: toolBranchesSchema.optional(),
  })
  .strict();

export const endCallToolSchema = z
  .object({
    type: z.literal('end_call'),
    name: z.string().default('end_call'),
    description: text(2000).default('End the call when the conversation is complete.'),
  })
  .strict();

export const toolSchema = z.discriminatedUnion('type', [webhookToolSchema, endCallToolSchema]);

/** One deterministic rule of the scripted LLM: when the user says something matching, act. */
export const scriptRuleSchema = z
  .object({
    /** Case-insensitive regular expression tested against the user's message. */
    when: z.string().min(1),
    say: z.string().optional(),
    /** A tool to call (webhook, end_call, set_variable, or a handoff tool name). */
    call: z.object({ tool: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) }).optional(),
  })
  .strict();

export const agentSchema = z
  .object({
    id,
    name: z.string().min(1).max(100),
    /** Absent means an LLM agent (optional so v1-shaped agent objects stay valid as they are). */
    kind: z.enum(agentKinds).optional(),
    instructions: text(20000).default(''),
    greeting: text(2000).optional(),
    llm: llmChoiceSchema.optional(),
    stt: sttChoiceSchema.optional(),
    tts: ttsChoiceSchema.optional(),
    turnHandling: turnHandlingSchema.optional(),
    tools: z.array(toolSchema).default([]),
    /** Rules for the scripted (offline) LLM; ignored by real LLMs. */
    script: z.object({ rules: z.array(scriptRuleSchema).default([]), fallback: z.string().optional() }).optional(),
    onEnter: onEnterSchema.optional(),
    /** Present: every other agent can hand off here through a generated tool. */
    global: globalAgentSchema.optional(),
    /** False: this agent gets no handoff tools to global agents (absent means true). */
    globalHandoffs: z.boolean().optional(),
    position: positionSchema.default({ x: 0, y: 0 }),
  })
  .strict();

export const contextPolicies = ['full', 'lastN', 'summary', 'none'] as const;

export const handoffEdgeSchema = z
  .object({
    id,
    from: z.string(),
    to: z.string(),
    /** Name of the generated handoff tool; derived from the target agent when absent. */
    toolName: z.string().optional(),
    /** When to transfer, as the LLM sees it in the tool's description. */
    description: text(2000).default(''),
    contextPolicy: z.enum(contextPolicies).default('full'),
    /** Turns kept when contextPolicy is lastN. */
    lastN: setting(
      z.number().int(),
      {
        label: 'Turns kept (N)',
        unit: 'turns',
        min: 1,
        step: 1,
        help: 'How many recent turns travel with the caller.',
      },
      6,
    ),
    transferLine: text(2000).optional(),
    /**
     * Present: the edge is taken when this expression is true (no LLM choice), checked on entering
     * the agent and after every tool result and variable change, in edge order.
     */
    condition: z.string().max(2000).optional(),
  })
  .strict();

export const variableTypes = ['string', 'number', 'boolean'] as const;

export const variableSchema = z
  .object({
    name: z.string(),
    type: z.enum(variableTypes).default('string'),
    description: text(2000).default(''),
    defaultValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .strict();

/** What a scenario expects after one user turn. `says` is judged by an LLM (intent) or a regex (pattern). */
export const scenarioExpectationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('says'), intent: z.string().optional(), pattern: z.string().optional() }).strict(),
  z
    .object({
      kind: z.literal('tool_call'),
      name: z.string().min(1),
      arguments: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('handoff'), to: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('ends') }).strict(),
]);

export const scenarioTurnSchema = z
  .object({
    user: z.string().min(1).max(2000),
    expect: z.array(scenarioExpectationSchema).default([]),
    ...scenarioTurnVoiceFields,
  })
  .strict();

/** A scripted conversation that tests the flow without a microphone. */
export const scenarioSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    turns: z.array(scenarioTurnSchema).min(1).max(50),
    ...scenarioModeFields,
  })
  .strict();

/** The FlowSpec document of the current version (no migration): JSON Schema and UI metadata come from this. */
export const flowSpecDocumentSchema = z
  .object({
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    name: z.string().min(1).max(200),
    description: text(5000).default(''),
    entryAgentId: z.string(),
    agents: z.array(agentSchema).max(2000),
    edges: z.array(handoffEdgeSchema).max(10000).default([]),
    variables: z.array(variableSchema).default([]),
    scenarios: z.array(scenarioSchema).max(200).default([]),
    simulations: simulationsField,
    testPolicy: testPolicyField,
    settings: z
      .object({
        turnHandling: turnHandlingSchema.default({}),
        providers: providersSchema.default({}),
        language: z.string().default('en'),
        userTurnLimit: userTurnLimitSchema.optional(),
        speech: speechHygieneSchema.optional(),
      })
      .strict()
      .default({ turnHandling: {}, providers: {}, language: 'en' }),
  })
  .strict();

/** Parses a FlowSpec document of any supported version: older ones are migrated first. */
export const flowSpecSchema = z.preprocess(migrateFlowSpec, flowSpecDocumentSchema);

/** A FlowSpec after parsing (defaults filled). */
export type FlowSpec = z.infer<typeof flowSpecDocumentSchema>;
/** A FlowSpec as written by hand or sent over HTTP (defaults optional; v1 documents are migrated). */
export type FlowSpecInput = Omit<z.input<typeof flowSpecDocumentSchema>, 'schemaVersion'> & { schemaVersion: 1 | 2 };
export type AgentSpec = z.infer<typeof agentSchema>;
export type LlmChoice = z.infer<typeof llmChoiceSchema>;
export type SttChoice = z.infer<typeof sttChoiceSchema>;
export type TtsChoice = z.infer<typeof ttsChoiceSchema>;
export type RealtimeChoice = z.infer<typeof realtimeChoiceSchema>;
export type HandoffEdge = z.infer<typeof handoffEdgeSchema>;
export type ToolSpec = z.infer<typeof toolSchema>;
export type WebhookToolSpec = z.infer<typeof webhookToolSchema>;
export type VariableSpec = z.infer<typeof variableSchema>;
export type ScriptRule = z.infer<typeof scriptRuleSchema>;
export type ContextPolicy = (typeof contextPolicies)[number];
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioExpectation = z.infer<typeof scenarioExpectationSchema>;

import { z } from 'zod';

/**
 * FlowSpec v2 building blocks beyond the LLM agent and the LLM-chosen handoff: node kinds,
 * global agents, on-enter steps, digit collection and tool-result branches.
 */

/** What a node does: an LLM agent, a fixed announcement that moves on, or a last line that ends the call. */
export const agentKinds = ['agent', 'say', 'end'] as const;

/** An agent every other agent can hand off to without a drawn edge. */
export const globalAgentSchema = z
  .object({
    /** When to transfer here, as every other agent's LLM sees it in the generated tool's description. */
    when: z.string().max(2000).default(''),
    /** Name of the generated handoff tool; derived from the agent when absent. */
    toolName: z.string().optional(),
    transferLine: z.string().max(2000).optional(),
  })
  .strict();

/** Key presses the agent waits for on entering (phone callers); they fill `variable`. */
export const collectDigitsSchema = z
  .object({
    variable: z.string().min(1),
    /** Stops collecting once this many digits arrived. */
    maxDigits: z.number().int().default(4),
    /** A key that ends the entry early (not stored); none when absent. */
    terminator: z.enum(['#', '*']).optional(),
    /** Stops collecting after this long without a key press. */
    timeoutMs: z.number().int().default(5000),
  })
  .strict();

/** What happens on entering a node, in this order: say, call a tool, collect digits. Then conditions are checked. */
export const onEnterSchema = z
  .object({
    /** Fixed text spoken with no LLM (`{{var}}` filled); say and end nodes speak this. */
    say: z.string().max(2000).optional(),
    /** One of the agent's own webhook tools, called with these arguments. */
    tool: z
      .object({ name: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) })
      .strict()
      .optional(),
    collectDigits: collectDigitsSchema.optional(),
  })
  .strict();

/** Routes a webhook's JSON result: the value at `path` picks the agent; `default` takes the rest. */
export const toolBranchesSchema = z
  .object({
    /** A JSON path into the result, `$.status` or `$.order.state`. */
    path: z.string().min(1),
    cases: z
      .array(z.object({ value: z.union([z.string(), z.number(), z.boolean()]), to: z.string() }).strict())
      .default([]),
    default: z.string().optional(),
  })
  .strict();

export type AgentKind = (typeof agentKinds)[number];
export type GlobalAgent = z.infer<typeof globalAgentSchema>;
export type OnEnter = z.infer<typeof onEnterSchema>;
export type CollectDigits = z.infer<typeof collectDigitsSchema>;
export type ToolBranches = z.infer<typeof toolBranchesSchema>;

import { SLUG_PATTERN } from '@parley/db';
import { z } from 'zod';

/** Values for the flow's declared `{{variables}}`, as the dispatcher sends them (strings only). */
const variablesSchema = z.record(z.string(), z.string({ error: 'must be a string' }), {
  error: 'must be an object of names to string values',
});

/** Who sent the caller: Parley's own call API or widget tokens; anything else is a plain dispatch. */
const sourceSchema = z.enum(['api', 'embed']);

const slugSchema = z.string().regex(SLUG_PATTERN, 'is not a slug (lowercase letters, digits and dashes)');

/** A call the web app created first (the builder's tester): the exact call and version. */
const callJobSchema = z.object({ callId: z.string().min(1), flowVersionId: z.string().min(1) }).strict();

/** A flow named by id; the runtime creates the call on the flow's live version. */
const flowIdJobSchema = z
  .object({
    flowId: z.uuid({ error: 'is not a flow id (a UUID)' }),
    variables: variablesSchema.optional(),
    source: sourceSchema.optional(),
  })
  .strict();

/** A flow named by its workspace's slug and its own slug. */
const flowSlugJobSchema = z
  .object({
    workspace: slugSchema,
    flow: slugSchema,
    variables: variablesSchema.optional(),
    source: sourceSchema.optional(),
  })
  .strict();

/** What a LiveKit dispatch's metadata may say: one definition of every accepted form. */
export const jobMetadataSchema = z.union([callJobSchema, flowIdJobSchema, flowSlugJobSchema]);

export type JobMetadata = z.infer<typeof jobMetadataSchema>;
export type CallJobMetadata = z.infer<typeof callJobSchema>;
export type FlowJobMetadata = z.infer<typeof flowIdJobSchema> | z.infer<typeof flowSlugJobSchema>;

const FORMS = '{"callId","flowVersionId"}, {"flowId"} or {"workspace","flow"}';

/** Whether the metadata names a flow (the runtime creates the call) rather than an existing call. */
export function namesFlow(metadata: JobMetadata): metadata is FlowJobMetadata {
  return !('callId' in metadata);
}

/** Which form of the union the object means, by its naming key, so errors speak of that form only. */
function intendedForm(json: Record<string, unknown>): number | null {
  if ('callId' in json || 'flowVersionId' in json) return 0;
  if ('flowId' in json) return 1;
  if ('workspace' in json || 'flow' in json) return 2;
  return null;
}

/** Whether the parsed JSON has a value at `path` (zod does not keep the input in its issues). */
function present(json: unknown, path: PropertyKey[]): boolean {
  let node = json;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return true;
}

function describeIssues(issues: z.core.$ZodIssue[], json: unknown): string {
  return issues
    .map((issue) => {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.join(', ')}`;
      if (issue.code === 'invalid_type' && !present(json, issue.path)) return `${path} is missing`;
      return path ? `${path} ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Parses a job's metadata string, with an error that says which fields are wrong and how. */
export function parseJobMetadata(metadata: string): JobMetadata {
  let json: unknown;
  try {
    json = JSON.parse(metadata);
  } catch {
    throw new Error(`job metadata is not JSON; expected ${FORMS}`);
  }
  const parsed = jobMetadataSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const form = typeof json === 'object' && json !== null ? intendedForm(json as Record<string, unknown>) : null;
  if (form === null) throw new Error(`job metadata names neither a call nor a flow; expected ${FORMS}`);
  // Zod reports one form's issues directly when only that form came close, else every form's.
  const [first] = parsed.error.issues;
  const issues = first?.code === 'invalid_union' ? (first.errors[form] ?? []) : parsed.error.issues;
  throw new Error(`job metadata has bad fields: ${describeIssues(issues, json)}`);
}

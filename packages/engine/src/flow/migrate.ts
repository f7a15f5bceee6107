/**
 * FlowSpec documents older than the current schemaVersion, brought up to date before parsing.
 * Every reader (validate, stored drafts and versions, imports) goes through flowSpecSchema,
 * which runs migrateFlowSpec first, so a v1 document keeps loading after v2 shipped.
 */

/** The schemaVersion migrateFlowSpec produces. */
export const CURRENT_FLOW_SCHEMA_VERSION = 2;

type Document = Record<string, unknown>;

const steps: Record<number, (doc: Document) => Document> = {
  // v2 only adds optional constructs (node kinds, globals, conditions, steps, DTMF, speech
  // settings); a v1 flow means the same thing in v2: LLM agents and LLM-chosen handoffs.
  1: (doc) => ({ ...doc, schemaVersion: 2 }),
};

/** Upgrades a FlowSpec document of any known older version; anything else is returned as is. */
export function migrateFlowSpec(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  let doc = input as Document;
  while (typeof doc.schemaVersion === 'number' && doc.schemaVersion < CURRENT_FLOW_SCHEMA_VERSION) {
    const step = steps[doc.schemaVersion];
    if (!step) return doc;
    doc = step(doc);
  }
  return doc;
}

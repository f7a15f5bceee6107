import { z } from 'zod';

/** POST /api/flows without a FlowSpec: make a blank flow with this name. */
export const createBlankFlowBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();

/** PUT /api/flows/:id: the new draft and the revision it was based on. */
export const saveDraftBody = z
  .object({ spec: z.record(z.string(), z.unknown()), revision: z.number().int().nonnegative() })
  .strict();

/** POST /api/flows/:id/duplicate: an optional name for the copy. */
export const duplicateBody = z.object({ name: z.string().trim().min(1).max(200).optional() }).strict();

/** POST /api/flows/:id/publish: a note saying what changed. */
export const publishBody = z.object({ note: z.string().max(2000).default('') }).strict();

/** POST /api/flows/:id/rollback: the version to make live again. */
export const rollbackBody = z.object({ number: z.number().int().positive() }).strict();

/** POST /api/flows/:id/restore: the version to copy into the draft, and the draft revision it replaces. */
export const restoreBody = z
  .object({ number: z.number().int().positive(), revision: z.number().int().nonnegative() })
  .strict();

/** POST /api/flows/:id/calls: the version to call; without one, the draft (snapshotted first). */
export const startCallBody = z
  .object({
    version: z.number().int().positive().optional(),
    /** Record this test call's audio even when the flow does not record every call. */
    record: z.boolean().optional(),
  })
  .strict();

/** PUT /api/flows/:id/recording: whether every call of the flow is recorded. */
export const flowRecordingBody = z.object({ recordCalls: z.boolean() }).strict();

/** PUT /api/workspace/recordings: how many days recordings are kept. */
export const recordingRetentionBody = z.object({ retentionDays: z.number().int().min(1).max(3650) }).strict();

/** POST /api/calls/:id/replay: turn-handling overrides to replay the call's recording with. */
export const replayBody = z.object({ overrides: z.record(z.string(), z.unknown()).default({}) }).strict();

/** POST /api/flows/:id/scenarios/run: which scenarios to run (all when absent). */
export const runScenariosBody = z
  .object({
    scenarioIds: z.array(z.string().min(1)).max(200).optional(),
    /** Simulations to run after the scenarios (none when absent). */
    simulationIds: z.array(z.string().min(1)).max(100).optional(),
  })
  .strict();

/** PUT /api/flows/:id/slug and PUT /api/workspace/slug: the new slug, or null to clear it. */
export const slugBody = z.object({ slug: z.string().max(200).nullable() }).strict();

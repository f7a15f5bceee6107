import type { ScenarioResult, SessionEvent, SimulationResult } from '@parley/engine';
import type { FlowSpec, ValidationIssue } from '@parley/engine/flow';
import { z } from 'zod';
import { callSources, callStatuses } from './call-values';

// What the API answers. Routes send bodies through these schemas (`reply`), so a field not listed
// here never leaves the server; the browser's API client derives its types from them (z.output).

/** A timestamp: a Date on the server, its ISO string on the wire. */
const timestamp = z.date().transform((date) => date.toISOString());

// Specs and issues are typed by the engine and already checked where they were stored.
const flowSpec = z.custom<FlowSpec>();
const issue = z.custom<ValidationIssue>();

/** A flow with its editable draft. */
export const flowRecordResponse = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  draft: flowSpec,
  revision: z.number().int(),
  liveVersionId: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Every single-flow answer: the record and what validate() says about its draft. */
export const flowWithIssuesResponse = z.object({ flow: flowRecordResponse, issues: z.array(issue) });

/** GET /api/flows. */
export const flowListResponse = z.object({
  flows: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      /** What callers dispatch to, when chosen (the widget's embed code names the flow by it). */
      slug: z.string().nullable(),
      revision: z.number().int(),
      createdAt: timestamp,
      updatedAt: timestamp,
      liveVersion: z.object({ id: z.string(), number: z.number().int() }).nullable(),
      versionCount: z.number().int(),
    }),
  ),
});

const versionSummary = z.object({
  id: z.string(),
  flowId: z.string(),
  number: z.number().int(),
  kind: z.enum(['published', 'snapshot']),
  note: z.string(),
  createdAt: timestamp,
  live: z.boolean(),
});

/** POST publish and rollback: the version now live. */
export const versionSummaryResponse = z.object({ version: versionSummary });

/** GET /api/flows/:id/versions: each version with its latest test run (null: never tested). */
export const versionListResponse = z.object({
  versions: z.array(
    versionSummary.extend({
      tests: z.object({ passed: z.number().int(), total: z.number().int(), createdAt: timestamp }).nullable(),
    }),
  ),
});

/** GET /api/flows/:id/versions/:number and /live: one version with its spec. */
export const versionDetailResponse = z.object({ version: versionSummary.extend({ spec: flowSpec }) });

/** A call as the API shows it. */
export const callResponse = z.object({
  id: z.string(),
  flowId: z.string(),
  versionNumber: z.number().int(),
  mode: z.enum(['livekit', 'local']),
  status: z.enum(callStatuses),
  /** How the call came in: the tester, a LiveKit dispatch, the call API, the widget, a phone line. */
  source: z.enum(callSources),
  /** The caller's participant identity in the room, when known. */
  callerIdentity: z.string().nullable(),
  /** Values the call was given for the flow's {{variables}}. */
  variables: z.record(z.string(), z.string()),
  room: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** From the start of the conversation to its end; null until both are known. */
  durationMs: z.number().nullable(),
  failureReason: z.string().nullable(),
  /** The call's audio is in the recording store (GET /api/calls/:id/recording/:file). */
  recorded: z.boolean(),
});

/** GET/PUT /api/flows/:id/recording. */
export const flowRecordingResponse = z.object({ recordCalls: z.boolean() });

/** GET/PUT /api/workspace/recordings. */
export const recordingRetentionResponse = z.object({ retentionDays: z.number().int() });

/** GET /api/flows/:id/calls: newest first. */
export const callListResponse = z.object({ calls: z.array(callResponse) });

/** GET /api/calls: a page of the workspace's calls, newest first, and where the next page starts. */
export const callPageResponse = z.object({
  calls: z.array(callResponse.extend({ flowName: z.string() })),
  nextCursor: z.string().nullable(),
});

/** GET /api/calls/:id: the call and its recorded SessionEvents in order. */
export const callWithEventsResponse = z.object({ call: callResponse, events: z.array(z.custom<SessionEvent>()) });

/** POST /api/flows/:id/calls: how the browser joins the call it asked for. */
export const startedCallResponse = z.discriminatedUnion('mode', [
  z.object({
    callId: z.string(),
    versionNumber: z.number().int(),
    mode: z.literal('local'),
    url: z.string(),
    token: z.string(),
  }),
  z.object({
    callId: z.string(),
    versionNumber: z.number().int(),
    mode: z.literal('livekit'),
    serverUrl: z.string(),
    participantToken: z.string(),
    room: z.string(),
  }),
]);

/** POST /api/flows/:id/scenarios/run. */
export const scenarioRunResponse = z.object({
  versionNumber: z.number().int(),
  results: z.array(z.custom<ScenarioResult>()),
  simulations: z.array(z.custom<SimulationResult>()),
});

/** GET and PUT /api/flows/:id/slug: the flow's slug and its workspace's (dispatch metadata names both). */
export const flowSlugResponse = z.object({ slug: z.string().nullable(), workspaceSlug: z.string().nullable() });

/** GET and PUT /api/workspace/slug. */
export const workspaceSlugResponse = z.object({ slug: z.string().nullable() });

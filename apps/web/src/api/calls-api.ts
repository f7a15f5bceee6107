import type { z } from 'zod';
import type { runScenariosBody, startCallBody } from '../server/request-schemas';
import { request } from './request';
import type { CallPage, CallSummary, CallWithEvents, ScenarioRun, StartedCall } from './types';

const flowUrl = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

/** Typed calls to the test-call and scenario API; like flowsApi, they never throw and answer `ok` or an error. */
export const callsApi = {
  /** Starts a test call on `body.version`, or on the draft when absent. */
  startCall: (flowId: string, body: z.input<typeof startCallBody> = {}) =>
    request<StartedCall>('POST', `${flowUrl(flowId)}/calls`, body),
  /** The flow's calls, newest first. */
  listCalls: (flowId: string) => request<{ calls: CallSummary[] }>('GET', `${flowUrl(flowId)}/calls`),
  /** A page of the workspace's calls; `query` holds GET /api/calls's filters and cursor. */
  listWorkspaceCalls: (query: URLSearchParams) => request<CallPage>('GET', `/api/calls?${query}`),
  /** One call with its recorded events. */
  getCall: (callId: string) => request<CallWithEvents>('GET', `/api/calls/${encodeURIComponent(callId)}`),
  /** Runs the draft's scenarios (all of them unless `body.scenarioIds` names some) on the runtime. */
  runScenarios: (flowId: string, body: z.input<typeof runScenariosBody> = {}) =>
    request<ScenarioRun>('POST', `${flowUrl(flowId)}/scenarios/run`, body),
};

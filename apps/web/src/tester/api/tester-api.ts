import type { ScenarioResult } from '@parley/engine';
import { request } from '../../builder/api/request';
import type { CallSummary, SessionEvent, StartedCall } from '../types';

/** The tester's HTTP calls; like the builder's, they never throw and answer `ok` or an error. */
export const testerApi = {
  /** Starts a test call on version `version`, or on the draft when absent. */
  startCall: (flowId: string, version?: number) =>
    request<StartedCall>('POST', `/api/flows/${flowId}/calls`, version === undefined ? {} : { version }),
  /** The flow's calls, newest first. */
  listCalls: (flowId: string) => request<{ calls: CallSummary[] }>('GET', `/api/flows/${flowId}/calls`),
  /** One call with its recorded events. */
  getCall: (callId: string) => request<{ call: CallSummary; events: SessionEvent[] }>('GET', `/api/calls/${callId}`),
  /** Runs the draft's scenarios on the runtime. */
  runScenarios: (flowId: string) =>
    request<{ versionNumber: number; results: ScenarioResult[] }>('POST', `/api/flows/${flowId}/scenarios/run`, {}),
};

import type { IncomingMessage, ServerResponse } from 'node:http';
import { CallTokenError, verifyScenarioRunToken } from '@parley/calls';
import { NotFoundError } from '@parley/db';
import { z } from 'zod';
import type { Logger } from '../log';
import { ScenarioRunsLimited } from '../scenarios/run-rate-limit';
import type { ScenarioRuns } from '../scenarios/scenario-runs';
import { json, MAX_BODY_BYTES, readBody } from './json-io';

/** POST /scenarios/run body: the stored version to test, and optionally which scenarios. */
const runBody = z
  .object({
    flowVersionId: z.string().min(1),
    scenarioIds: z.array(z.string().min(1)).max(200).optional(),
    simulationIds: z.array(z.string().min(1)).max(100).optional(),
  })
  .strict();

function parse(text: string): z.infer<typeof runBody> | null {
  try {
    const parsed = runBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * POST /scenarios/run: runs a stored version's scenarios and answers with the results. The caller
 * (the web app) proves it may with `Authorization: Bearer <scenario-run token>` signed with PARLEY_SECRET.
 * With `Accept: application/x-ndjson` the answer streams one JSON line per test as it ends
 * (`{"type":"result"|"simulation","result":...}`), then `{"type":"done",...results}` or
 * `{"type":"error","error":...}`; refusals before the first test ends keep their JSON status.
 */
export function scenariosRoute(runs: ScenarioRuns, secret: string, log: Logger) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const text = await readBody(request);
    if (text === null) return json(response, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
    const body = parse(text);
    if (!body) {
      return json(response, 400, {
        error: 'expected JSON {"flowVersionId": "...", "scenarioIds"?: ["..."], "simulationIds"?: ["..."]}',
      });
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    try {
      verifyScenarioRunToken(secret, token, body.flowVersionId);
    } catch (error) {
      if (!(error instanceof CallTokenError)) throw error;
      return json(response, 401, { error: error.message });
    }
    const stream = /application\/x-ndjson/.test(request.headers.accept ?? '');
    const line = (value: unknown) => {
      if (!response.headersSent) {
        response.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
      }
      response.write(`${JSON.stringify(value)}\n`);
    };
    try {
      const run = await runs.run(
        body.flowVersionId,
        body.scenarioIds,
        body.simulationIds,
        stream ? (progress) => line(progress) : undefined,
      );
      if (!stream) return json(response, 200, run);
      line({ type: 'done', ...run });
      response.end();
    } catch (error) {
      if (response.headersSent) {
        log.error('scenario run failed', { error: error instanceof Error ? error.message : String(error) });
        line({ type: 'error', error: 'the scenarios could not be run; see the runtime log' });
        return void response.end();
      }
      if (error instanceof NotFoundError) return json(response, 404, { error: error.message });
      if (error instanceof ScenarioRunsLimited) {
        response.setHeader('retry-after', String(error.retryAfterS));
        return json(response, 429, { error: error.message, code: 'rate_limited' });
      }
      log.error('scenario run failed', { error: error instanceof Error ? error.message : String(error) });
      json(response, 500, { error: 'the scenarios could not be run; see the runtime log' });
    }
  };
}

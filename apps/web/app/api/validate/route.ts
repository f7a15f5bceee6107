import { validate } from '@parley/engine/flow';
import { authed } from '@/src/server/auth/api-auth';
import { readJsonBody } from '@/src/server/read-json-body';

/** Validates any JSON as a FlowSpec; 200 even when it is invalid, since the answer is the issue list. */
export const POST = authed(async (request) => Response.json(validate(await readJsonBody(request))));

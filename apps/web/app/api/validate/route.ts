import { validate } from '@parley/engine/flow';
import { handle } from '@/src/server/handle';
import { readJsonBody } from '@/src/server/read-json-body';

/** Validates any JSON as a FlowSpec; 200 even when it is invalid, since the answer is the issue list. */
export const POST = handle(async (request) => Response.json(validate(await readJsonBody(request))));

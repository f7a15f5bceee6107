import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { flowSpecSchema } from './schema';

/** Where the checked-in JSON Schema of FlowSpec lives. */
export const flowSpecJsonSchemaPath = fileURLToPath(new URL('../../flowspec.schema.json', import.meta.url));

/** The JSON Schema of FlowSpec as documents are written (defaults optional), as stable text. */
export function flowSpecJsonSchemaText(): string {
  const schema = z.toJSONSchema(flowSpecSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://parley.dev/schemas/flowspec-v1.json', title: 'Parley FlowSpec v1' }, null, 2)}\n`;
}

/** Writes packages/engine/flowspec.schema.json from the zod FlowSpec schema. */
import { writeFileSync } from 'node:fs';
import { flowSpecJsonSchemaPath, flowSpecJsonSchemaText } from '../src/flow/json-schema';

writeFileSync(flowSpecJsonSchemaPath, flowSpecJsonSchemaText());
console.log(`wrote ${flowSpecJsonSchemaPath}`);

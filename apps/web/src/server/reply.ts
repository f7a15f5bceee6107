import type { z } from 'zod';

/** A JSON response whose body is `value` sent through its response schema: only listed fields leave. */
export function reply<S extends z.ZodType>(schema: S, value: z.input<S>, init?: ResponseInit): Response {
  return Response.json(schema.parse(value), init);
}

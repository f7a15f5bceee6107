import { decodeCallCursor, maxCallPageSize } from '@parley/db';
import { z } from 'zod';
import { callSources, callStatuses } from './call-values';

const instant = z
  .string()
  .refine(
    (text) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) && !Number.isNaN(Date.parse(text)),
    'expected an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T09:00:00Z)',
  )
  .transform((text) => new Date(text));

const cursor = z.string().transform((text, context) => {
  const decoded = decodeCallCursor(text);
  if (!decoded) {
    context.addIssue({ code: 'custom', message: 'not a cursor this endpoint gave out (use nextCursor as it came)' });
    return z.NEVER;
  }
  return decoded;
});

/** GET /api/calls: filters (all optional) and paging. `from` is inclusive, `to` exclusive. */
export const callListQuery = z
  .object({
    flowId: z.uuid('expected a flow id (a UUID)').optional(),
    version: z.coerce.number().int().positive().max(1e9).optional(),
    status: z.enum(callStatuses).optional(),
    source: z.enum(callSources).optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(maxCallPageSize).default(50),
  })
  .strict();

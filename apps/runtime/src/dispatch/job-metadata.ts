import { z } from 'zod';

/** What the web app puts in a dispatch's metadata: which call, running which exact version. */
export const jobMetadataSchema = z.object({ callId: z.string().min(1), flowVersionId: z.string().min(1) }).strict();

export type JobMetadata = z.infer<typeof jobMetadataSchema>;

/** Parses a job's metadata string, with an error that says what is missing. */
export function parseJobMetadata(metadata: string): JobMetadata {
  let json: unknown;
  try {
    json = JSON.parse(metadata);
  } catch {
    throw new Error('job metadata is not JSON; expected {"callId":"...","flowVersionId":"..."}');
  }
  const parsed = jobMetadataSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
    throw new Error(`job metadata is missing or has bad fields: ${fields}`);
  }
  return parsed.data;
}

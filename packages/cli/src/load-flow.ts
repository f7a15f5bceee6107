import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type FlowSpec, flowSpecSchema, validate } from '@parley/engine/flow';

/** A flow that cannot be loaded or is not valid; the message names what and where. */
export class FlowLoadError extends Error {}

/** Loads a flow from a FlowSpec JSON file, or from Parley's database by flow id (its draft). */
export async function loadFlow(ref: string): Promise<{ spec: FlowSpec; source: string }> {
  const input = existsSync(ref) || ref.endsWith('.json') ? await readSpecFile(ref) : await readStoredDraft(ref);
  const checked = validate(input.spec);
  const errors = checked.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    const lines = errors
      .slice(0, 20)
      .map((issue) => `  ${issue.target.path || '(flow)'}: ${issue.message} [${issue.code}]`);
    throw new FlowLoadError(`${input.source} is not a valid flow:\n${lines.join('\n')}`);
  }
  return { spec: flowSpecSchema.parse(input.spec), source: input.source };
}

async function readSpecFile(path: string): Promise<{ spec: unknown; source: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FlowLoadError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return { spec: JSON.parse(text) as unknown, source: path };
  } catch (error) {
    throw new FlowLoadError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readStoredDraft(id: string): Promise<{ spec: unknown; source: string }> {
  if (!process.env.DATABASE_URL) {
    throw new FlowLoadError(
      `"${id}" is not a file; to load a flow by id, set DATABASE_URL to the Postgres database Parley stores flows in`,
    );
  }
  // Only a flow id needs the database: a file runs without it.
  const { closeDb, flows, NotFoundError } = await import('@parley/db');
  try {
    const flow = await flows.get(id);
    return { spec: flow.draft, source: `flow ${id} (${flow.name}, draft revision ${flow.revision})` };
  } catch (error) {
    if (error instanceof NotFoundError) throw new FlowLoadError(`no flow with id ${id} in the database`);
    throw error;
  } finally {
    await closeDb();
  }
}

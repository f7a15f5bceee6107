import { readFile } from 'node:fs/promises';
import type { SchemaFile } from './engine';

/** Reads a schema file (the project's is prisma/schema.prisma) for the schema engine. */
export async function readSchemaFile(path: string): Promise<SchemaFile> {
  return { path, content: await readFile(path, 'utf8') };
}

import { readFile } from 'node:fs/promises';
import { schemaPath } from '../paths';
import type { SchemaFile } from './engine';

/** Reads prisma/schema.prisma (or another schema file) for the schema engine. */
export async function readSchemaFile(path: string = schemaPath): Promise<SchemaFile> {
  return { path, content: await readFile(path, 'utf8') };
}

import { dirname } from 'node:path';
import { describeEngineError, noExternalObjects, type SchemaFile, withSchemaEngine } from './engine';

/** The SQL that would bring the database at `url` to match `target` (readSchemaFile); '' when they already match. */
export async function diffDatabaseToSchema(url: string, target: SchemaFile): Promise<string> {
  try {
    return await withSchemaEngine(url, target, async (engine) => {
      const result = await engine.diff({
        from: { tag: 'schemaDatasource', files: [target], configDir: dirname(target.path) },
        to: { tag: 'schemaDatamodel', files: [target] },
        script: true,
        // With exitCode requested the engine answers 2 for "differences found" and 0 for none.
        exitCode: true,
        filters: noExternalObjects,
      });
      return result.exitCode === 2 ? (result.stdout ?? '').trim() : '';
    });
  } catch (error) {
    throw new Error(`Comparing the database with ${target.path} failed: ${describeEngineError(error)}`);
  }
}

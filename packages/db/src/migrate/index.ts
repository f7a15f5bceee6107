export { deployMigrations } from './deploy';
export { diffDatabaseToSchema } from './diff';
export { type SchemaFile, withSchemaEngine } from './engine';
export { readMigrationsFolder } from './migrations-folder';
export { createNewMigration, type NewMigration, type NewMigrationOptions } from './new-migration';
export { readSchemaFile } from './schema-file';

/** One argument of a webhook tool as the parameter editor shows it. */
export interface ParameterRow {
  name: string;
  type: ParameterType;
  description: string;
  required: boolean;
}

/** JSON Schema types the editor offers. */
export const parameterTypes = ['string', 'number', 'integer', 'boolean'] as const;
export type ParameterType = (typeof parameterTypes)[number];

type Schema = Record<string, unknown>;

/** Reads the rows out of a tool's JSON Schema (unknown types show as string). */
export function schemaToRows(schema: Schema): ParameterRow[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: parameterTypes.includes(property.type as ParameterType) ? (property.type as ParameterType) : 'string',
    description: typeof property.description === 'string' ? property.description : '',
    required: required.has(name),
  }));
}

/** Writes rows back as a JSON Schema object, the form LLM function calling expects. */
export function rowsToSchema(rows: readonly ParameterRow[]): Schema {
  const properties: Record<string, Schema> = {};
  for (const row of rows) {
    properties[row.name] = row.description ? { type: row.type, description: row.description } : { type: row.type };
  }
  const required = rows.filter((r) => r.required).map((r) => r.name);
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

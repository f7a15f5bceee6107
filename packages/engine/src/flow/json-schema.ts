import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { handoffLastNSetting, webhookTimeoutSetting } from './field-settings';
import { flowSpecDocumentSchema } from './schema';
import { type SettingInfo, turnHandlingSettings } from './settings';

/** Where the checked-in JSON Schema of FlowSpec lives. */
export const flowSpecJsonSchemaPath = fileURLToPath(new URL('../../flowspec.schema.json', import.meta.url));

const settingBySchema = new Map<z.core.$ZodType, SettingInfo>(
  [...turnHandlingSettings, webhookTimeoutSetting, handoffLastNSetting].map((s) => [s.schema, s]),
);

/** The JSON Schema of FlowSpec as documents are written (defaults optional), as stable text. */
export function flowSpecJsonSchemaText(): string {
  const schema = z.toJSONSchema(flowSpecDocumentSchema, {
    io: 'input',
    target: 'draft-2020-12',
    // Settings carry their label, help, unit, range and default from their setting() declaration.
    override: ({ zodSchema, jsonSchema }) => {
      const setting = settingBySchema.get(zodSchema);
      if (!setting) return;
      jsonSchema.title = setting.label;
      jsonSchema.description = setting.unit ? `${setting.help} Unit: ${setting.unit}.` : setting.help;
      jsonSchema.default = setting.default;
      if (setting.value.type !== 'number') return;
      const target = setting.map ? (jsonSchema.additionalProperties as z.core.JSONSchema.BaseSchema) : jsonSchema;
      target.minimum = setting.value.min;
      if (setting.value.max !== undefined) target.maximum = setting.value.max;
    },
  });
  return `${JSON.stringify({ ...schema, $id: 'https://parley.dev/schemas/flowspec-v2.json', title: 'Parley FlowSpec v2' }, null, 2)}\n`;
}

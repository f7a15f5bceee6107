import { z } from 'zod';

type SettingsObject = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** The stored form of one field: a group becomes an optional object of overrides, a leaf optional. */
export type Overrides<S> =
  S extends z.ZodPrefault<infer O extends SettingsObject>
    ? z.ZodOptional<OverridesObject<O>>
    : S extends z.ZodDefault<infer I>
      ? z.ZodOptional<I>
      : never;

/** The stored form of an object of settings. */
export type OverridesObject<O extends SettingsObject> = z.ZodObject<
  { -readonly [K in keyof O['shape']]: Overrides<O['shape'][K]> },
  z.core.$strict
>;

/**
 * Derives the overrides schema from a settings schema: the same fields, each optional and
 * without its default, so a spec stores only what was changed. Leaves keep their zod type
 * instance (and with it their registered metadata).
 */
export function overridesOf<O extends SettingsObject>(schema: O): OverridesObject<O> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if (field instanceof z.ZodPrefault) shape[key] = overridesOf(field.unwrap() as SettingsObject).optional();
    else if (field instanceof z.ZodDefault) shape[key] = (field.unwrap() as z.ZodType).optional();
    else throw new Error(`Setting "${key}" has no default: declare it with setting() or settingGroup().`);
  }
  return z.strictObject(shape) as unknown as OverridesObject<O>;
}

export * from './catalog';
export type { SettingMeta } from './meta';
export * from './schema';

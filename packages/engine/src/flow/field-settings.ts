import { handoffEdgeSchema, webhookToolSchema } from './schema';
import { describeSetting, type SettingInfo } from './settings';

/** A webhook's timeout, as declared in the FlowSpec schema (range, unit, default, help). */
export const webhookTimeoutSetting: SettingInfo = describeSetting(webhookToolSchema.shape.timeoutMs, 'timeoutMs');

/** The turns a `lastN` handoff keeps, as declared in the FlowSpec schema. */
export const handoffLastNSetting: SettingInfo = describeSetting(handoffEdgeSchema.shape.lastN, 'lastN');

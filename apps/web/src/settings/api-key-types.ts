import type { z } from 'zod';
import type { FlowSummary } from '../api/types';
import type { apiKeyListResponse, createdApiKeyResponse } from '../server/call-api/schemas';

// The browser's view of the API-key routes, derived from the schemas the server answers through.

/** GET /api/api-keys. */
export type ApiKeyList = z.output<typeof apiKeyListResponse>;
/** One listed key: its prefix, never the key. */
export type ApiKeyRow = ApiKeyList['keys'][number];
/** POST /api/api-keys: the one answer that holds the key. */
export type CreatedApiKey = z.output<typeof createdApiKeyResponse>;

/** A flow a key can be scoped to, as the forms offer it (the widget's embed code names it by slug). */
export type FlowChoice = Pick<FlowSummary, 'id' | 'name' | 'slug'>;

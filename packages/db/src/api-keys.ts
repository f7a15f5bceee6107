import { createHash, randomBytes } from 'node:crypto';
import { getDb } from './client';
import { NotFoundError } from './errors';
import type { ApiKey, ApiKeyKind } from './generated/client';
import { isUuid } from './ids';

/** A workspace API key as listed: never the key itself. */
export interface ApiKeyRecord {
  id: string;
  workspaceId: string;
  name: string;
  kind: ApiKeyKind;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  flowIds: string[];
  allowedOrigins: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type { ApiKeyKind };

// Prefixes say what a key is when it turns up in a log or a repository (secret scanners match them).
const KEY_PREFIX: Record<ApiKeyKind, string> = { secret: 'parley_sk_', publishable: 'parley_pk_' };
const SHOWN_CHARS = 12;

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function toRecord({ hash: _hash, ...row }: ApiKey): ApiKeyRecord {
  return row;
}

/** Workspace API keys: made once, stored as a SHA-256, revoked rather than deleted. */
export const apiKeys = {
  /** Makes a key; the returned `key` is the only time it exists in the clear. */
  async create(input: {
    workspaceId: string;
    name: string;
    kind: ApiKeyKind;
    flowIds: string[];
    allowedOrigins?: string[];
  }): Promise<{ key: string; record: ApiKeyRecord }> {
    const key = `${KEY_PREFIX[input.kind]}${randomBytes(24).toString('base64url')}`;
    const row = await getDb().apiKey.create({
      data: {
        workspaceId: input.workspaceId,
        name: input.name,
        kind: input.kind,
        prefix: key.slice(0, SHOWN_CHARS),
        hash: hashKey(key),
        flowIds: input.flowIds,
        allowedOrigins: input.allowedOrigins ?? [],
      },
    });
    return { key, record: toRecord(row) };
  },

  /** The workspace's keys, newest first, revoked ones included. */
  async list(workspaceId: string): Promise<ApiKeyRecord[]> {
    const rows = await getDb().apiKey.findMany({ where: { workspaceId }, orderBy: { createdAt: 'desc' } });
    return rows.map(toRecord);
  },

  /** Revokes key `id` of the workspace; NotFoundError when it has no such key. */
  async revoke(workspaceId: string, id: string): Promise<ApiKeyRecord> {
    const { count } = isUuid(id)
      ? await getDb().apiKey.updateMany({
          where: { id, workspaceId, revokedAt: null },
          data: { revokedAt: new Date() },
        })
      : { count: 0 };
    const row = isUuid(id) ? await getDb().apiKey.findFirst({ where: { id, workspaceId } }) : null;
    if (!row || (count === 0 && !row.revokedAt)) throw new NotFoundError(`API key ${id}`);
    return toRecord(row);
  },

  /**
   * The live key matching `key` of the given kind, stamping its last use; null for an unknown,
   * revoked or wrong-kind key (callers answer all three alike).
   */
  async verify(key: string, kind: ApiKeyKind): Promise<ApiKeyRecord | null> {
    const live = await apiKeys.peek(key, kind);
    if (!live) return null;
    return toRecord(await getDb().apiKey.update({ where: { id: live.id }, data: { lastUsedAt: new Date() } }));
  },

  /**
   * The live key matching `key` of the given kind without stamping its use (for checks made on
   * every page load, such as which sites may frame the widget); null when unknown or revoked.
   */
  async peek(key: string, kind: ApiKeyKind): Promise<ApiKeyRecord | null> {
    if (!key.startsWith(KEY_PREFIX[kind])) return null;
    const row = await getDb().apiKey.findUnique({ where: { hash: hashKey(key) } });
    return row && row.kind === kind && !row.revokedAt ? toRecord(row) : null;
  },

  /** Key `id` of the workspace; NotFoundError when missing. */
  async get(workspaceId: string, id: string): Promise<ApiKeyRecord> {
    const row = isUuid(id) ? await getDb().apiKey.findFirst({ where: { id, workspaceId } }) : null;
    if (!row) throw new NotFoundError(`API key ${id}`);
    return toRecord(row);
  },
};

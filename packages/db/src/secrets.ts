import { getDb } from './client';
import { NotFoundError } from './errors';
import { isUuid } from './ids';
import { openSecret, sealSecret } from './secret-cipher';
import { resolveSecretsKey } from './secret-key';

/** A secret as anyone may see it: its name and when it was set, never its value. */
export interface SecretName {
  name: string;
  updatedAt: Date;
}

/** A name a secret may have: what webhook headers and provider settings refer to. */
export const secretNamePattern = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

/** Upper bound on a secret's value, in characters. */
export const maxSecretLength = 8192;

let cachedKey: Buffer | undefined;

function key(): Buffer {
  cachedKey ??= resolveSecretsKey().key;
  return cachedKey;
}

/** Workspace secrets, AES-256-GCM encrypted at rest. Values go in and out only through set() and values(). */
export const secrets = {
  /** Sets (or replaces) the secret `name`; the value is encrypted before it leaves this process. */
  async set(workspaceId: string, name: string, value: string): Promise<void> {
    if (!secretNamePattern.test(name)) throw new RangeError(`"${name}" is not a valid secret name`);
    if (value.length === 0 || value.length > maxSecretLength) {
      throw new RangeError(`a secret value must have 1 to ${maxSecretLength} characters`);
    }
    const { ciphertext, iv, tag } = sealSecret(key(), workspaceId, name, value);
    // Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer, which Buffer's pool is not.
    const sealed = { ciphertext: new Uint8Array(ciphertext), iv: new Uint8Array(iv), tag: new Uint8Array(tag) };
    await getDb().secret.upsert({
      where: { workspaceId_name: { workspaceId, name } },
      create: { workspaceId, name, ...sealed },
      update: sealed,
    });
  },

  /** Deletes the secret; NotFoundError when the workspace has none by that name. */
  async remove(workspaceId: string, name: string): Promise<void> {
    const { count } = isUuid(workspaceId)
      ? await getDb().secret.deleteMany({ where: { workspaceId, name } })
      : { count: 0 };
    if (count === 0) throw new NotFoundError(`Secret ${name}`);
  },

  /** The workspace's secret names, alphabetically; values are never listed. */
  listNames(workspaceId: string): Promise<SecretName[]> {
    return getDb().secret.findMany({
      where: { workspaceId },
      orderBy: { name: 'asc' },
      select: { name: true, updatedAt: true },
    });
  },

  /** Every secret of the workspace decrypted, by name: only for handing to a call's session. */
  async values(workspaceId: string): Promise<Record<string, string>> {
    const rows = await getDb().secret.findMany({ where: { workspaceId } });
    const values: Record<string, string> = {};
    for (const row of rows) {
      values[row.name] = openSecret(key(), workspaceId, row.name, {
        ciphertext: Buffer.from(row.ciphertext),
        iv: Buffer.from(row.iv),
        tag: Buffer.from(row.tag),
      });
    }
    return values;
  },
};

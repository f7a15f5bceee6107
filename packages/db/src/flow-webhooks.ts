import { randomBytes } from 'node:crypto';
import { getDb } from './client';
import { NotFoundError } from './errors';
import { isUuid } from './ids';
import { openSecret, sealSecret } from './secret-cipher';
import { resolveSecretsKey } from './secret-key';

/** A flow's post-call webhook as anyone may see it: never its signing secret. */
export interface FlowWebhookRecord {
  flowId: string;
  url: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Upper bound on a webhook URL, in characters. */
export const maxWebhookUrlLength = 2048;

// The prefix says what the value is when it turns up in a log or a repository.
const SECRET_PREFIX = 'whsec_';

let cachedKey: Buffer | undefined;

function key(): Buffer {
  cachedKey ??= resolveSecretsKey().key;
  return cachedKey;
}

/** The name the signing secret is sealed under (authenticated with it, so rows cannot be swapped). */
function secretName(flowId: string): string {
  return `webhook:${flowId}`;
}

function seal(workspaceId: string, flowId: string, secret: string) {
  const { ciphertext, iv, tag } = sealSecret(key(), workspaceId, secretName(flowId), secret);
  // Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer, which Buffer's pool is not.
  return { ciphertext: new Uint8Array(ciphertext), iv: new Uint8Array(iv), tag: new Uint8Array(tag) };
}

function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64url')}`;
}

/** The problem with `url` as a webhook address, or null when it is a usable http(s) URL. */
export function webhookUrlProblem(url: string): string | null {
  if (url.length > maxWebhookUrlLength) return `must have at most ${maxWebhookUrlLength} characters`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL (expected https://host/path)';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `must be http or https, not ${parsed.protocol.replace(/:$/, '')}`;
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  return null;
}

/** The flow's workspace; NotFoundError when the flow is missing or belongs to another workspace. */
async function checkFlow(workspaceId: string, flowId: string): Promise<void> {
  const flow =
    isUuid(flowId) && isUuid(workspaceId)
      ? await getDb().flow.findFirst({ where: { id: flowId, workspaceId }, select: { id: true } })
      : null;
  if (!flow) throw new NotFoundError(`Flow ${flowId}`);
}

function toRecord(row: { flowId: string; url: string; createdAt: Date; updatedAt: Date }): FlowWebhookRecord {
  return { flowId: row.flowId, url: row.url, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/**
 * Post-call webhooks, one per flow. The signing secret is made here (`whsec_...`), sealed with
 * the workspace secrets key at rest, and read back only by reveal() (the builder) and
 * signingSecret() (the runtime signing a delivery). Every call checks the flow's workspace.
 */
export const flowWebhooks = {
  /** The flow's webhook, or null when it has none. */
  async get(workspaceId: string, flowId: string): Promise<FlowWebhookRecord | null> {
    await checkFlow(workspaceId, flowId);
    const row = await getDb().flowWebhook.findUnique({ where: { flowId } });
    return row ? toRecord(row) : null;
  },

  /** Sets the webhook's URL (RangeError when unusable); a new webhook gets a signing secret, an existing one keeps its own. */
  async set(
    workspaceId: string,
    flowId: string,
    url: string,
  ): Promise<{ webhook: FlowWebhookRecord; created: boolean }> {
    const problem = webhookUrlProblem(url);
    if (problem) throw new RangeError(`url ${problem}`);
    await checkFlow(workspaceId, flowId);
    const existing = await getDb().flowWebhook.findUnique({ where: { flowId }, select: { flowId: true } });
    const row = await getDb().flowWebhook.upsert({
      where: { flowId },
      create: { flowId, url, ...seal(workspaceId, flowId, newSecret()) },
      update: { url },
    });
    return { webhook: toRecord(row), created: !existing };
  },

  /** Deletes the webhook (its deliveries stay with their calls); NotFoundError when the flow has none. */
  async remove(workspaceId: string, flowId: string): Promise<void> {
    await checkFlow(workspaceId, flowId);
    const { count } = await getDb().flowWebhook.deleteMany({ where: { flowId } });
    if (count === 0) throw new NotFoundError(`Webhook of flow ${flowId}`);
  },

  /** The signing secret in the clear, for members of the workspace; NotFoundError when there is no webhook. */
  async reveal(workspaceId: string, flowId: string): Promise<string> {
    await checkFlow(workspaceId, flowId);
    const secret = await flowWebhooks.signingSecret(workspaceId, flowId);
    if (secret === null) throw new NotFoundError(`Webhook of flow ${flowId}`);
    return secret;
  },

  /** Replaces the signing secret with a new one and returns it; NotFoundError when there is no webhook. */
  async rotate(workspaceId: string, flowId: string): Promise<string> {
    await checkFlow(workspaceId, flowId);
    const secret = newSecret();
    const { count } = await getDb().flowWebhook.updateMany({
      where: { flowId },
      data: seal(workspaceId, flowId, secret),
    });
    if (count === 0) throw new NotFoundError(`Webhook of flow ${flowId}`);
    return secret;
  },

  /** The flow's signing secret decrypted, or null when it has no webhook (the runtime, signing). */
  async signingSecret(workspaceId: string, flowId: string): Promise<string | null> {
    const row = isUuid(flowId) ? await getDb().flowWebhook.findUnique({ where: { flowId } }) : null;
    if (!row) return null;
    return openSecret(key(), workspaceId, secretName(flowId), {
      ciphertext: Buffer.from(row.ciphertext),
      iv: Buffer.from(row.iv),
      tag: Buffer.from(row.tag),
    });
  },
};

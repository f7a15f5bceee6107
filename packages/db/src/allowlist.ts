import { parseAllowEntry } from '@parley/engine/webhooks';
import { getDb } from './client';
import { NotFoundError } from './errors';

/** One allow-list entry as stored. */
export interface AllowEntryRecord {
  entry: string;
  createdAt: Date;
}

/** The canonical text of an entry (lowercased host, range as written), or RangeError when it is none. */
function canonical(entry: string): string {
  const parsed = parseAllowEntry(entry);
  if (!parsed) throw new RangeError(`"${entry}" is not a host name, IP address or CIDR range`);
  return parsed.kind === 'host' ? parsed.host : `${parsed.network}/${parsed.prefix}`;
}

/** Each workspace's webhook allow-list: the non-public hosts and ranges its webhooks may reach. */
export const allowlist = {
  /** The workspace's entries, alphabetically. */
  list(workspaceId: string): Promise<AllowEntryRecord[]> {
    return getDb().webhookAllowEntry.findMany({
      where: { workspaceId },
      orderBy: { entry: 'asc' },
      select: { entry: true, createdAt: true },
    });
  },

  /** Adds an entry (a host name, IP or CIDR range); adding one twice keeps one. Returns it canonical. */
  async add(workspaceId: string, entry: string): Promise<string> {
    const text = canonical(entry);
    await getDb().webhookAllowEntry.upsert({
      where: { workspaceId_entry: { workspaceId, entry: text } },
      create: { workspaceId, entry: text },
      update: {},
    });
    return text;
  },

  /** Removes an entry; NotFoundError when the workspace has no such entry. */
  async remove(workspaceId: string, entry: string): Promise<void> {
    const text = parseAllowEntry(entry) ? canonical(entry) : entry;
    const { count } = await getDb().webhookAllowEntry.deleteMany({ where: { workspaceId, entry: text } });
    if (count === 0) throw new NotFoundError(`Allow-list entry ${entry}`);
  },

  /** Just the entries' text, as a call's session takes them. */
  async entries(workspaceId: string): Promise<string[]> {
    return (await allowlist.list(workspaceId)).map((row) => row.entry);
  },
};

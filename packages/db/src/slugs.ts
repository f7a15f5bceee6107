import { getDb } from './client';
import { NotFoundError } from './errors';
import { Prisma } from './generated/client';
import { isUuid } from './ids';

/** What a slug may be: what callers type into dispatch metadata and URLs. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** A slug that breaks SLUG_PATTERN, or one already taken. */
export class SlugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlugError';
  }
}

/** Throws SlugError naming what is wrong with `slug`. */
export function checkSlug(slug: string): void {
  if (!SLUG_PATTERN.test(slug)) {
    throw new SlugError(
      `"${slug}" is not a valid slug: use 1 to 64 lowercase letters, digits and dashes, starting and ending with a letter or digit`,
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Human-chosen names for flows (unique per workspace) and workspaces (unique overall). */
export const slugs = {
  /** Sets (or with null clears) flow `flowId`'s slug; SlugError when invalid or taken in its workspace. */
  async setFlowSlug(flowId: string, slug: string | null): Promise<void> {
    if (slug !== null) checkSlug(slug);
    if (!isUuid(flowId)) throw new NotFoundError(`Flow ${flowId}`);
    try {
      const { count } = await getDb().flow.updateMany({ where: { id: flowId }, data: { slug } });
      if (count === 0) throw new NotFoundError(`Flow ${flowId}`);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new SlugError(`Another flow of this workspace already uses the slug "${slug}"`);
      throw error;
    }
  },

  /** Sets (or clears) workspace `workspaceId`'s slug; SlugError when invalid or taken. */
  async setWorkspaceSlug(workspaceId: string, slug: string | null): Promise<void> {
    if (slug !== null) checkSlug(slug);
    if (!isUuid(workspaceId)) throw new NotFoundError(`Workspace ${workspaceId}`);
    try {
      const { count } = await getDb().workspace.updateMany({ where: { id: workspaceId }, data: { slug } });
      if (count === 0) throw new NotFoundError(`Workspace ${workspaceId}`);
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlugError(`Another workspace already uses the slug "${slug}"`);
      throw error;
    }
  },

  /** Workspace `workspaceId`'s slug, or null while it has none; NotFoundError when there is no such workspace. */
  async ofWorkspace(workspaceId: string): Promise<string | null> {
    const row = isUuid(workspaceId)
      ? await getDb().workspace.findUnique({ where: { id: workspaceId }, select: { slug: true } })
      : null;
    if (!row) throw new NotFoundError(`Workspace ${workspaceId}`);
    return row.slug;
  },

  /** The id of the workspace's flow with this id or slug; NotFoundError when there is none. */
  async flowIdOf(workspaceId: string, idOrSlug: string): Promise<string> {
    const row = await getDb().flow.findFirst({
      where: { workspaceId, ...(isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug }) },
      select: { id: true },
    });
    if (!row) throw new NotFoundError(`Flow ${idOrSlug}`);
    return row.id;
  },

  /** The flow with slug `flowSlug` in the workspace with slug `workspaceSlug`; NotFoundError otherwise. */
  async findFlow(workspaceSlug: string, flowSlug: string): Promise<{ flowId: string; workspaceId: string }> {
    const row = await getDb().flow.findFirst({
      where: { slug: flowSlug, workspace: { slug: workspaceSlug } },
      select: { id: true, workspaceId: true },
    });
    if (!row) throw new NotFoundError(`Flow "${flowSlug}" of workspace "${workspaceSlug}"`);
    return { flowId: row.id, workspaceId: row.workspaceId };
  },
};

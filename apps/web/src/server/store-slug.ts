import { checkSlug, SlugError } from '@parley/db';
import { ApiError } from './api-error';

/**
 * Stores `slug` (or clears it with null) through `store`: 422 `slug_invalid` when it breaks the
 * slug rules, 409 `slug_taken` when another flow or workspace has it; both carry the SlugError's
 * message, which says what is wrong.
 */
export async function storeSlug(slug: string | null, store: (slug: string | null) => Promise<void>): Promise<void> {
  try {
    if (slug !== null) checkSlug(slug);
  } catch (error) {
    if (error instanceof SlugError) throw new ApiError(422, 'slug_invalid', error.message, { field: 'slug' });
    throw error;
  }
  try {
    await store(slug);
  } catch (error) {
    // The slug passed the rules above, so the store refused it for being taken.
    if (error instanceof SlugError) throw new ApiError(409, 'slug_taken', error.message, { field: 'slug' });
    throw error;
  }
}

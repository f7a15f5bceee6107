import { maxSecretLength, secretNamePattern } from '@parley/db';
import { z } from 'zod';
import { newAccountBody } from './credentials-body';

/** PUT /api/secrets/:name: the value, write-only. */
export const setSecretBody = z.object({ value: z.string().min(1).max(maxSecretLength) }).strict();

/** A secret name from the URL. */
export const secretName = z.string().regex(secretNamePattern, 'letters, digits, _ . - and no leading digit');

/** POST /api/webhook-allowlist: a host name, IP address or CIDR range. */
export const allowEntryBody = z.object({ entry: z.string().trim().min(1).max(300) }).strict();

/** POST /api/users: a new account in this workspace or in a workspace of its own. */
export const newUserBody = newAccountBody.extend({
  role: z.enum(['admin', 'member']).default('member'),
  workspace: z.enum(['this', 'new']).default('this'),
});

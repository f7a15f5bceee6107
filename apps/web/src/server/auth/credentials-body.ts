import { z } from 'zod';
import { minPasswordLength } from './password';

/** POST /api/auth/signin. */
export const signInBody = z
  .object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1000) })
  .strict();

/** POST /api/auth/setup and new users: a real-looking email and a long enough password. */
export const newAccountBody = z
  .object({
    email: z.email().max(320),
    password: z.string().min(minPasswordLength, `use at least ${minPasswordLength} characters`).max(1000),
  })
  .strict();

/** POST /api/auth/setup: the admin's account and the setup code the server printed. */
export const setupBody = newAccountBody.extend({
  setupCode: z.string().trim().min(1, 'copy it from the server console').max(100),
});

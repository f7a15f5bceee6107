import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { BoundedQueue } from './bounded-queue';

// scrypt from node:crypto: memory-hard, needs no native add-on in the Next bundle, and runs on
// libuv's thread pool. Parameters follow OWASP's scrypt minimum (N=2^17, r=8, p=1) and are
// stored in each hash, so they can be raised later without invalidating old passwords.
const cost = { N: 2 ** 17, r: 8, p: 1 };
const keyLength = 32;

/** Shortest password accepted for a new account. */
export const minPasswordLength = 10;

/**
 * Every hash runs through this queue: each costs ~128 MiB and a core for a few hundred ms, so at
 * most 2 run at once (the rest of the server keeps a core) and 32 wait; a flood past that is
 * refused (QueueFullError) instead of piling up.
 */
export const hashing = new BoundedQueue('password hashing', 2, 32);

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return hashing.run(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

/** A self-describing hash: `scrypt$N$r$p$salt$key` (salt and key in base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches `stored`; false for any hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;

/** Spends as long as a real check, for unknown emails, so timing does not tell which emails exist. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
  return false;
}

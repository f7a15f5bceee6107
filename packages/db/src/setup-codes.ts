import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getDb } from './client';

// Crockford's base32 without look-alikes (no I, L, O, U): easy to read off a console and type.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newCode(): string {
  const chars = [...randomBytes(15)].map((byte) => alphabet[byte % 32]).join('');
  return chars.match(/.{5}/g)?.join('-') ?? chars;
}

function normal(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/**
 * The first-run setup code, kept in the database so every web process of an install prints and
 * accepts the same one: 15 random base32 characters (75 bits), valid until an admin exists.
 */
export const setupCodes = {
  /** The current code, made now if there is none (racing processes agree on the first one written). */
  async ensure(): Promise<string> {
    const db = getDb();
    await db.$executeRaw`INSERT INTO setup_codes (id, code) VALUES (1, ${newCode()}) ON CONFLICT (id) DO NOTHING`;
    const row = await db.setupCode.findUnique({ where: { id: 1 } });
    if (!row) throw new Error('the setup code could not be stored');
    return row.code;
  },

  /** Whether `given` is the current code (case, spaces and dashes do not matter). */
  async matches(given: string): Promise<boolean> {
    const row = await getDb().setupCode.findUnique({ where: { id: 1 } });
    if (!row) return false;
    const [a, b] = [Buffer.from(normal(given)), Buffer.from(normal(row.code))];
    return a.length === b.length && timingSafeEqual(a, b);
  },

  /** Removes the code (the admin exists now). */
  async clear(): Promise<void> {
    await getDb().setupCode.deleteMany({});
  },
};

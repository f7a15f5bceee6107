import { type RateLimit, rateLimits } from '@parley/db';
import { rateLimited, takeOrRefuse } from './rate-limited';

const minutes = (n: number) => n * 60_000;

/**
 * Sign-in limits, counted in Postgres (shared by every web process). Each is per client address,
 * so an attacker being limited never locks the account's owner out from another address. A
 * successful sign-in is taken back from every counter, so only failures add up:
 * - attempts from one address: 30 per 10 minutes;
 * - attempts at one account from one address: 5 per 15 minutes (a success is not counted);
 * - attempts at unknown emails from one address: 10 per 10 minutes, after which that address
 *   gets 429 for every email (so the limit does not tell which emails exist).
 * One backstop is per account from anywhere, high enough for an owner never to meet it by
 * mistake: 100 per hour (X-Forwarded-For can be forged where no proxy sets it).
 */
export const signInRules = {
  address: { limit: 30, windowMs: minutes(10) },
  addressAccount: { limit: 5, windowMs: minutes(15) },
  addressUnknown: { limit: 10, windowMs: minutes(10) },
  account: { limit: 100, windowMs: minutes(60) },
} satisfies Record<string, RateLimit>;

const message = 'Too many sign-in attempts; wait a few minutes and try again.';

/** The counters of one attempt by `client` at `account`. */
export class SignInAttempt {
  private readonly keys: { addressAccount: string; account: string; addressUnknown: string; address: string };

  constructor(client: string, account: string) {
    this.keys = {
      address: `signin:address:${client}`,
      addressAccount: `signin:address-account:${client}|${account}`,
      addressUnknown: `signin:address-unknown:${client}`,
      account: `signin:account:${account}`,
    };
  }

  /** Counts the attempt before any password is hashed; 429 past a limit. */
  async admit(): Promise<void> {
    await takeOrRefuse(this.keys.address, signInRules.address, message);
    const unknownWait = await rateLimits.peek(this.keys.addressUnknown, signInRules.addressUnknown);
    if (unknownWait > 0) throw rateLimited(message, unknownWait);
    await takeOrRefuse(this.keys.addressAccount, signInRules.addressAccount, message);
    await takeOrRefuse(this.keys.account, signInRules.account, message);
  }

  /** The email belongs to nobody: counts against the address's unknown-email limit. */
  async unknownEmail(): Promise<void> {
    await rateLimits.take(this.keys.addressUnknown, signInRules.addressUnknown);
  }

  /** The password was right: the attempt no longer counts. */
  async succeeded(): Promise<void> {
    await rateLimits.giveBack(this.keys.address);
    await rateLimits.giveBack(this.keys.addressAccount);
    await rateLimits.giveBack(this.keys.account);
  }
}

/**
 * The client's address: the last X-Forwarded-For entry, which the nearest proxy appended (or
 * which Next set from the socket when the request came with none).
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',') ?? [];
  return forwarded.at(-1)?.trim() || 'unknown';
}

import { getDb } from './client';
import { NotFoundError } from './errors';
import { Prisma } from './generated/client';
import { isUuid } from './ids';

/** One recorded SessionEvent: its number in the call, type, ms since call start and body. */
export interface CallEventRow {
  seq: number;
  type: string;
  t: number;
  payload: unknown;
}

// Payloads are stored as their JSON text would read back (undefined fields dropped, dates as
// strings), so what list() returns is exactly what was kept.
function toJson(payload: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  const json = payload === undefined ? null : JSON.parse(JSON.stringify(payload));
  return json === null ? Prisma.JsonNull : json;
}

function prismaCode(error: unknown): string | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
}

/** Some of a batch's seqs are already stored (a retried batch whose first write did commit). */
export class EventSeqTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventSeqTakenError';
  }
}

/** Call events: the append-only event log of each call. */
export const callEvents = {
  /** Inserts the events in one statement; seq must be new for the call. */
  async append(callId: string, events: CallEventRow[]): Promise<void> {
    if (events.length === 0) return;
    if (!isUuid(callId)) throw new NotFoundError(`Call ${callId}`);
    try {
      await getDb().callEvent.createMany({
        data: events.map((event) => ({
          callId,
          seq: event.seq,
          type: event.type,
          t: event.t,
          payload: toJson(event.payload),
        })),
      });
    } catch (error) {
      // P2003: foreign key (no such call); P2002: unique (callId, seq) taken.
      if (prismaCode(error) === 'P2003') throw new NotFoundError(`Call ${callId}`);
      if (prismaCode(error) === 'P2002') {
        const seqs = events.map((event) => event.seq).join(', ');
        throw new EventSeqTakenError(
          `Call ${callId} already has an event with seq among ${seqs}; events are append-only`,
        );
      }
      throw error;
    }
  },

  /** The call's events in seq order, optionally only those of the given types. */
  async list(callId: string, options: { types?: string[] } = {}): Promise<CallEventRow[]> {
    if (!isUuid(callId)) return [];
    return getDb().callEvent.findMany({
      where: { callId, ...(options.types ? { type: { in: options.types } } : {}) },
      orderBy: { seq: 'asc' },
      select: { seq: true, type: true, t: true, payload: true },
    });
  },
};

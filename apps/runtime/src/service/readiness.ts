import { getDb } from '@parley/db';
import type { CallSupervisor } from '../calls/call-supervisor';

/** Whether the runtime takes calls now, and if not, why. */
export type Readiness = { ready: true; calls: number } | { ready: false; reason: string; calls: number };

/** How long the database may take to answer before the runtime reports itself not ready. */
const DB_TIMEOUT_MS = 2000;

async function pingDatabase(): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS);
      }),
    ]);
    return null;
  } catch (error) {
    return `database unreachable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Ready = not draining, below the call limit, and the database answers. */
export async function checkReadiness(supervisor: CallSupervisor): Promise<Readiness> {
  const calls = supervisor.load;
  const refusal = supervisor.refusal();
  if (refusal) return { ready: false, reason: refusal.message, calls };
  const dbProblem = await pingDatabase();
  return dbProblem ? { ready: false, reason: dbProblem, calls } : { ready: true, calls };
}

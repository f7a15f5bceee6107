import { loadConfig } from './config';
import { createLogger } from './log';
import { startRuntime } from './service/runtime';

// The runtime service: `tsx apps/runtime/src/main.ts` (or `npm start` with the web app).
// Configuration comes from the environment (see config.ts); SIGTERM/SIGINT drain and exit 0.
const log = createLogger({ service: 'runtime', pid: process.pid });

try {
  const runtime = await startRuntime(loadConfig(), log);
  const stop = (signal: NodeJS.Signals) => {
    log.info('signal received: draining', { signal });
    runtime.drain().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('drain failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  log.error('runtime could not start', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

/**
 * `npm test`: every check and test in order — lint, types, unit/integration (vitest, real
 * Postgres), browser e2e (Playwright in Debian Chromium), the quick start. Stops at the first failure.
 */
import { spawnSync } from 'node:child_process';
import { missingPrerequisites } from './prerequisites';

const missing = missingPrerequisites();
if (missing.length > 0) {
  console.error('npm test cannot run; missing:');
  for (const item of missing) console.error(`  - ${item}`);
  process.exit(1);
}

const steps: [string, string[]][] = [
  ['lint', ['npx', 'biome', 'check', '.']],
  ['types', ['npm', 'run', '--silent', 'typecheck']],
  // One Vitest project at a time: the runtime's and engine's real-time audio tests share two cores
  // with Next builds and call processes otherwise.
  ...['engine', 'espeak', 'calls', 'cli', 'db', 'runtime', 'web'].map((project): [string, string[]] => [
    `tests: ${project}`,
    ['npx', 'vitest', 'run', '--project', project],
  ]),
  ['browser tests', ['npx', 'playwright', 'test']],
  // The README's quick start, as a new user runs it (a copy of the checkout, `npm start`, a test call).
  ['quick start', ['npx', 'vitest', 'run', '--project', 'quickstart']],
];

for (const [name, [command, ...args]] of steps) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command as string, args, {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error(`\n=== ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log('\n=== all checks passed');

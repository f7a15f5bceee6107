import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the test suite needs from the machine that npm cannot install, each with how to get it. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    missing.push('Chromium for the browser tests: apt-get install -y chromium (or set CHROMIUM_PATH)');
  }
  if (!onPath('pocketsphinx_continuous')) {
    missing.push('PocketSphinx for offline speech recognition: apt-get install -y pocketsphinx pocketsphinx-en-us');
  }
  return missing;
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

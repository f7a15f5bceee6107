import { parseArgs, UsageError, usage } from './args';
import { FlowLoadError } from './load-flow';
import { testCommand } from './test-command';

/** The `parley` command; resolves with its exit code: 0 passed, 1 a test failed, 2 it could not run. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') {
      console.log(usage);
      return 0;
    }
    return await testCommand(parsed.args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`parley: ${message}`);
    if (error instanceof UsageError) console.error(`\n${usage}`);
    else if (!(error instanceof FlowLoadError) && error instanceof Error && error.stack) console.error(error.stack);
    return 2;
  }
}

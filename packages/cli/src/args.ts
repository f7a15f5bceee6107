/** `parley test <flow.json|flow id> [--junit out.xml] [--only id,id] [--k n] [--pass-rate r]`, parsed. */
export interface TestArgs {
  flow: string;
  junit: string | null;
  only: string[] | null;
  k: number | null;
  /** Share of a simulation's runs that must pass (0..1). */
  passRate: number;
}

/** A command line that cannot be run; the message says what is wrong. */
export class UsageError extends Error {}

export const usage = `Usage: parley test <flow.json | flow id> [--junit out.xml] [--only id,id] [--k n] [--pass-rate r]

Runs the flow's scenarios and simulations against the engine, prints a summary, writes JUnit XML
with --junit, and exits 1 when any of them failed (2 on a usage or loading error).
  <flow.json>    a FlowSpec file (as exported from the builder)
  <flow id>      a flow in Parley's database (DATABASE_URL): its draft
  --junit FILE   write a JUnit XML report to FILE
  --only IDS     run only these scenario / simulation ids (comma-separated)
  --k N          runs per simulation, instead of each simulation's own k
  --pass-rate R  share of a simulation's runs that must pass, 0 to 1 (default 1: all of them)
Environment: OPENAI_API_KEY enables LLM judging and LLM callers (OPENAI_BASE_URL to point elsewhere);
other provider keys (DEEPGRAM_API_KEY, ...) are passed to the flow's providers.`;

/** Parses the arguments after `parley`; throws UsageError naming the problem. */
export function parseArgs(argv: readonly string[]): { command: 'help' } | { command: 'test'; args: TestArgs } {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'test') throw new UsageError(`unknown command "${command}"; the command is "test"`);
  const args: TestArgs = { flow: '', junit: null, only: null, k: null, passRate: 1 };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const value = () => {
      const next = rest[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--junit') args.junit = value();
    else if (arg === '--only') args.only = value().split(',').filter(Boolean);
    else if (arg === '--k') {
      const k = Number(value());
      if (!Number.isInteger(k) || k < 1 || k > 20) throw new UsageError('--k must be a whole number from 1 to 20');
      args.k = k;
    } else if (arg === '--pass-rate') {
      const rate = Number(value());
      if (!(rate >= 0 && rate <= 1)) throw new UsageError('--pass-rate must be a number from 0 to 1');
      args.passRate = rate;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (args.flow) throw new UsageError(`one flow at a time: got "${args.flow}" and "${arg}"`);
    else args.flow = arg;
  }
  if (!args.flow) throw new UsageError('name a flow: a FlowSpec JSON file or a flow id');
  return { command: 'test', args };
}

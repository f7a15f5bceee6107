import type { ScenarioLine } from '@parley/engine';

/** One transcript line of a scenario or simulation run, as the tester shows it. */
export function lineText(line: ScenarioLine): string {
  switch (line.kind) {
    case 'user':
      return `Caller: ${line.text}`;
    case 'assistant':
      return `${line.agentId}: ${line.text}`;
    case 'tool_call':
      return `→ ${line.name}(${JSON.stringify(line.arguments)})`;
    case 'tool_result':
      return `← ${line.name}${line.isError ? ' failed' : ''}: ${line.output}`;
    case 'handoff':
      return `⇢ handoff ${line.from} → ${line.to}`;
    case 'ended':
      return `■ call ended (${line.reason})`;
    case 'error':
      return `⚠ ${line.message}`;
  }
}

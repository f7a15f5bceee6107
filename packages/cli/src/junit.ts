import type { ScenarioResult, SimulationResult } from '@parley/engine';

/** One test case of the report: a scenario, or a simulation judged by its pass rate. */
export interface TestCase {
  suite: 'scenarios' | 'simulations';
  name: string;
  status: 'passed' | 'failed' | 'error';
  /** Short, for the failure's message attribute. */
  message: string;
  /** Everything a person needs to see why (failed checks, transcript). */
  details: string;
  seconds: number;
}

const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

const escapeXml = (text: string) =>
  // Characters XML 1.0 cannot carry at all are dropped; the rest are escaped.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[<>&"']/g, (c) => entities[c] ?? c);

/** The cases as JUnit XML (one testsuite per kind), the format CI systems read. */
export function junitXml(cases: readonly TestCase[]): string {
  const suites = (['scenarios', 'simulations'] as const).map((suite) => cases.filter((c) => c.suite === suite));
  const count = (list: readonly TestCase[], status: TestCase['status']) =>
    list.filter((c) => c.status === status).length;
  const time = (list: readonly TestCase[]) => list.reduce((sum, c) => sum + c.seconds, 0).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="parley" tests="${cases.length}" failures="${count(cases, 'failed')}" errors="${count(cases, 'error')}" time="${time(cases)}">`,
  ];
  for (const list of suites) {
    const name = list[0]?.suite;
    if (!name) continue;
    lines.push(
      `  <testsuite name="${name}" tests="${list.length}" failures="${count(list, 'failed')}" errors="${count(list, 'error')}" time="${time(list)}">`,
    );
    for (const c of list) {
      const open = `    <testcase classname="parley.${name}" name="${escapeXml(c.name)}" time="${c.seconds.toFixed(3)}"`;
      if (c.status === 'passed') {
        lines.push(`${open}/>`);
        continue;
      }
      const tag = c.status === 'failed' ? 'failure' : 'error';
      lines.push(
        `${open}>`,
        `      <${tag} message="${escapeXml(c.message)}">${escapeXml(c.details)}</${tag}>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** A scenario as a test case: failed expectations and voice checks, with the turns' transcripts. */
export function scenarioCase(result: ScenarioResult): TestCase {
  const problems: string[] = [];
  const transcript: string[] = [];
  result.steps.forEach((step, i) => {
    for (const e of step.expectations)
      if (e.status === 'failed') problems.push(`turn ${i + 1} (${step.user}): ${e.expectation.kind}: ${e.reason}`);
    for (const check of step.voice?.checks ?? [])
      if (check.status === 'failed') problems.push(`turn ${i + 1} (${step.user}): ${check.check}: ${check.reason}`);
    transcript.push(`-- turn ${i + 1}: ${step.user}`, ...step.transcript.map(lineText));
  });
  const message = result.status === 'error' ? (result.error ?? 'could not run') : (problems[0] ?? '');
  return {
    suite: 'scenarios',
    name: `${result.name} [${result.id}]`,
    status: result.status,
    message,
    details: [...problems, '', ...transcript].join('\n'),
    seconds: result.durationMs / 1000,
  };
}

/** A simulation as a test case: it passes when its pass rate reaches `passRate`. */
export function simulationCase(result: SimulationResult, passRate: number): TestCase {
  const rate = `${result.passed}/${result.k} runs passed (${Math.round(result.passRate * 100)}%), ${result.caller} caller`;
  const status = result.status === 'error' ? 'error' : result.passRate >= passRate ? 'passed' : 'failed';
  const details = result.runs.flatMap((run) => [
    `-- run ${run.run}: ${run.status}${run.error ? ` (${run.error})` : ''}, ended by ${run.endedBy}`,
    ...run.checks.filter((c) => c.status === 'failed').map((c) => `check ${c.check.kind}: ${c.reason}`),
    ...run.criteria.filter((c) => c.status === 'failed').map((c) => `criterion "${c.criterion}": ${c.reason}`),
    ...run.transcript.map(lineText),
  ]);
  return {
    suite: 'simulations',
    name: `${result.name} [${result.id}]`,
    status,
    message:
      result.status === 'error' ? (result.error ?? 'could not run') : `${rate}; needed ${Math.round(passRate * 100)}%`,
    details: details.join('\n'),
    seconds: result.durationMs / 1000,
  };
}

function lineText(line: ScenarioResult['opening'][number]): string {
  switch (line.kind) {
    case 'user':
      return `caller: ${line.text}`;
    case 'assistant':
      return `${line.agentId}: ${line.text}`;
    case 'tool_call':
      return `tool ${line.name} ${JSON.stringify(line.arguments)}`;
    case 'tool_result':
      return `tool ${line.name} -> ${line.output}`;
    case 'handoff':
      return `handoff ${line.from} -> ${line.to}`;
    case 'ended':
      return `call ended (${line.reason})`;
    case 'error':
      return `error: ${line.message}`;
  }
}

import { writeFile } from 'node:fs/promises';
import { runScenarios, runSimulations, scenarioJudge } from '@parley/engine';
import type { TestArgs } from './args';
import { junitXml, scenarioCase, simulationCase, type TestCase } from './junit';
import { loadFlow } from './load-flow';
import { baseUrlsFromEnv, providerKeysFromEnv } from './provider-env';

type Print = (line: string) => void;

const marks: Record<TestCase['status'], string> = { passed: 'PASS', failed: 'FAIL', error: 'ERROR' };

/** `parley test`: runs the flow's scenarios and simulations; resolves with the exit code (0 all passed, 1 not). */
export async function testCommand(args: TestArgs, print: Print = (line) => console.log(line)): Promise<number> {
  const { spec, source } = await loadFlow(args.flow);
  const providerKeys = providerKeysFromEnv();
  const baseUrls = baseUrlsFromEnv();
  const llm = scenarioJudge(providerKeys, baseUrls);
  const chosen = (ids: string[]) => (args.only ? ids.filter((id) => args.only?.includes(id)) : ids);
  const scenarioIds = chosen(spec.scenarios.map((s) => s.id));
  const simulationIds = chosen((spec.simulations ?? []).map((s) => s.id));
  if (args.only) {
    const known = new Set([...scenarioIds, ...simulationIds]);
    const unknown = args.only.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new Error(`--only names no scenario or simulation of this flow: ${unknown.join(', ')}`);
  }
  print(`parley test: ${source}`);
  print(
    `${scenarioIds.length} scenario(s), ${simulationIds.length} simulation(s); ${llm ? 'LLM judge and callers: OpenAI' : 'no LLM (set OPENAI_API_KEY): intents and criteria skipped, scripted callers'}`,
  );
  const options = { providerKeys, baseUrls, judge: llm };
  const cases: TestCase[] = [];
  const report = (c: TestCase) => {
    cases.push(c);
    print(
      `${marks[c.status].padEnd(5)} ${c.suite === 'scenarios' ? 'scenario  ' : 'simulation'} ${c.name}${c.message ? `: ${c.message}` : ''}`,
    );
  };
  for (const id of scenarioIds)
    for (const result of await runScenarios(spec, { ...options, ids: [id] })) report(scenarioCase(result));
  for (const id of simulationIds) {
    const simulationOptions = { ...options, llm, ids: [id], ...(args.k ? { k: args.k } : {}) };
    for (const result of await runSimulations(spec, simulationOptions)) report(simulationCase(result, args.passRate));
  }
  const failed = cases.filter((c) => c.status !== 'passed').length;
  print(`${cases.length - failed} passed, ${failed} failed, of ${cases.length}`);
  if (args.junit) {
    await writeFile(args.junit, junitXml(cases));
    print(`JUnit XML: ${args.junit}`);
  }
  return failed > 0 ? 1 : 0;
}

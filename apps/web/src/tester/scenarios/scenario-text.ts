import type { Scenario, ScenarioExpectation } from '@parley/engine/flow';

/**
 * Scenarios as text a person can edit:
 *
 *   ## Bill question [billing-question]
 *   > I have a question about my bill
 *   says: offers billing /billing/
 *   tool: transfer_to_billing {"urgent": false}
 *   handoff: billing
 *   > goodbye
 *   ends
 *
 * `## name [id]` starts a scenario (id optional: made from the name), `> text` a user turn, and
 * the lines under it are what that turn expects. `says:` takes an intent (judged by an LLM), a
 * /pattern/ (a case-insensitive regex), or both. Lines starting with a single # are comments.
 * `## name [id] (voice)` makes a spoken scenario; under a turn, `caller: en-gb 140wpm` sets the
 * simulated caller's voice and speaking rate (either may be left out).
 */

/** A line that could not be read. */
export interface ScenarioTextError {
  line: number;
  message: string;
}

export type ParsedScenarios = { ok: true; scenarios: Scenario[] } | { ok: false; errors: ScenarioTextError[] };

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'scenario';

/** One expectation as its line of text. */
export function formatExpectation(expectation: ScenarioExpectation): string {
  switch (expectation.kind) {
    case 'says':
      return `says: ${[expectation.intent, expectation.pattern === undefined ? undefined : `/${expectation.pattern}/`]
        .filter(Boolean)
        .join(' ')}`.trimEnd();
    case 'tool_call':
      return `tool: ${expectation.name}${expectation.arguments ? ` ${JSON.stringify(expectation.arguments)}` : ''}`;
    case 'handoff':
      return `handoff: ${expectation.to}`;
    case 'ends':
      return 'ends';
  }
}

/** The scenarios as text (parse gives them back). */
export function formatScenarios(scenarios: readonly Scenario[]): string {
  return scenarios
    .map((scenario) =>
      [
        `## ${scenario.name} [${scenario.id}]${scenario.mode === 'voice' ? ' (voice)' : ''}`,
        ...scenario.turns.flatMap((turn) => [
          `> ${turn.user}`,
          ...(turn.voice || turn.wordsPerMinute ? [formatCaller(turn)] : []),
          ...turn.expect.map(formatExpectation),
        ]),
      ].join('\n'),
    )
    .join('\n\n');
}

function formatCaller(turn: Scenario['turns'][number]): string {
  return ['caller:', turn.voice, turn.wordsPerMinute ? `${turn.wordsPerMinute}wpm` : undefined]
    .filter(Boolean)
    .join(' ');
}

/** `caller: en-gb 140wpm` as turn fields, or what is wrong with it. */
function parseCaller(rest: string): { voice?: string; wordsPerMinute?: number } | string {
  const fields: { voice?: string; wordsPerMinute?: number } = {};
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const rate = /^(\d+)wpm$/.exec(word);
    if (rate) fields.wordsPerMinute = Number(rate[1]);
    else fields.voice = word;
  }
  if (fields.wordsPerMinute !== undefined && (fields.wordsPerMinute < 80 || fields.wordsPerMinute > 450))
    return 'caller: the speaking rate must be between 80wpm and 450wpm';
  return fields;
}

function parseExpectation(text: string): ScenarioExpectation | string {
  if (text === 'ends') return { kind: 'ends' };
  const match = /^(says|tool|handoff):\s*(.*)$/.exec(text);
  if (!match) return `"${text}" is not an expectation; use says:, tool:, handoff: or ends`;
  const [, kind, rest = ''] = match;
  if (kind === 'handoff') return rest ? { kind: 'handoff', to: rest } : 'handoff: needs the agent id to hand off to';
  if (kind === 'tool') {
    const tool = /^(\S+)\s*(.*)$/.exec(rest);
    if (!tool?.[1]) return 'tool: needs a tool name';
    if (!tool[2]) return { kind: 'tool_call', name: tool[1] };
    try {
      const args = JSON.parse(tool[2]) as unknown;
      if (!args || typeof args !== 'object' || Array.isArray(args)) return 'tool arguments must be a JSON object';
      return { kind: 'tool_call', name: tool[1], arguments: args as Record<string, unknown> };
    } catch {
      return `tool arguments are not valid JSON: ${tool[2]}`;
    }
  }
  const pattern = /^(.*?)\s*\/(.+)\/$/.exec(rest);
  const intent = (pattern ? pattern[1] : rest)?.trim();
  if (!intent && !pattern) return 'says: needs an intent, a /pattern/, or both';
  return { kind: 'says', ...(intent ? { intent } : {}), ...(pattern?.[2] ? { pattern: pattern[2] } : {}) };
}

/** Reads scenarios from text; every problem is reported with its line number. */
export function parseScenarios(text: string): ParsedScenarios {
  const scenarios: Scenario[] = [];
  const errors: ScenarioTextError[] = [];
  const ids = new Set<string>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    const at = index + 1;
    if (!line || (line.startsWith('#') && !line.startsWith('##'))) continue;
    const heading = /^##\s*(.+?)(?:\s+\[([^\]]+)\])?(\s+\(voice\))?$/.exec(line);
    if (heading?.[1]) {
      let id = heading[2] ?? slug(heading[1]);
      if (ids.has(id)) {
        if (heading[2]) errors.push({ line: at, message: `scenario id ${id} is used twice` });
        for (let n = 2; ids.has(id); n++) id = `${heading[2] ?? slug(heading[1])}-${n}`;
      }
      ids.add(id);
      scenarios.push({ id, name: heading[1], turns: [], ...(heading[3] ? { mode: 'voice' as const } : {}) });
      continue;
    }
    const scenario = scenarios.at(-1);
    if (!scenario) {
      errors.push({ line: at, message: 'start a scenario with "## name" first' });
      continue;
    }
    if (line.startsWith('>')) {
      const user = line.slice(1).trim();
      if (user) scenario.turns.push({ user, expect: [] });
      else errors.push({ line: at, message: 'a user turn needs text after ">"' });
      continue;
    }
    const turn = scenario.turns.at(-1);
    if (!turn) {
      errors.push({ line: at, message: 'expectations follow a user turn ("> what the caller says")' });
      continue;
    }
    if (line.startsWith('caller:')) {
      const caller = parseCaller(line.slice('caller:'.length));
      if (typeof caller === 'string') errors.push({ line: at, message: caller });
      else Object.assign(turn, caller);
      continue;
    }
    const expectation = parseExpectation(line);
    if (typeof expectation === 'string') errors.push({ line: at, message: expectation });
    else turn.expect.push(expectation);
  }
  for (const scenario of scenarios) {
    if (scenario.turns.length === 0) errors.push({ line: 0, message: `scenario "${scenario.name}" has no user turn` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenarios };
}

import type { Llm } from '../../providers/llm/types';
import type { ConversationLine } from './simulated-caller';
import type { CriterionResult } from './simulation-result';

const instructions =
  'You judge a phone call between a voice agent and a caller, in a test. For each numbered ' +
  'criterion decide whether the call meets it. Answer with JSON only: ' +
  '{"criteria": [{"n": 1, "verdict": "pass" or "fail", "reason": "one short sentence"}, ...]}.';

/** Judges every criterion against the transcript in one request; a criterion the answer misses fails. */
export async function judgeCriteria(
  llm: Llm | null,
  criteria: readonly string[],
  conversation: readonly ConversationLine[],
): Promise<CriterionResult[]> {
  if (criteria.length === 0) return [];
  if (!llm) {
    return criteria.map((criterion) => ({
      criterion,
      status: 'skipped',
      reason: 'no LLM is configured to judge it (set OPENAI_API_KEY)',
    }));
  }
  const transcript = conversation.map((l) => `${l.role === 'agent' ? 'Agent' : 'Caller'}: ${l.text}`).join('\n');
  const numbered = criteria.map((c, i) => `${i + 1}. ${c}`).join('\n');
  let answer = '';
  for await (const chunk of llm.chat({
    messages: [
      { role: 'system', content: instructions },
      { role: 'user', content: `Criteria:\n${numbered}\n\nTranscript:\n${transcript}` },
    ],
    tools: [],
  })) {
    if (chunk.type === 'text') answer += chunk.delta;
  }
  const verdicts = readVerdicts(answer);
  return criteria.map((criterion, i) => {
    const verdict = verdicts.get(i + 1);
    if (!verdict) {
      return {
        criterion,
        status: 'failed',
        reason: `the judge gave no verdict: ${JSON.stringify(answer.slice(0, 200))}`,
      };
    }
    return { criterion, status: verdict.pass ? 'passed' : 'failed', reason: verdict.reason };
  });
}

function readVerdicts(answer: string): Map<number, { pass: boolean; reason: string }> {
  const verdicts = new Map<number, { pass: boolean; reason: string }>();
  const json = /\{[\s\S]*\}/.exec(answer)?.[0];
  if (!json) return verdicts;
  try {
    const parsed = JSON.parse(json) as { criteria?: unknown };
    if (!Array.isArray(parsed.criteria)) return verdicts;
    parsed.criteria.forEach((item: { n?: unknown; verdict?: unknown; reason?: unknown }, i) => {
      const verdict = String(item?.verdict ?? '').toLowerCase();
      if (verdict !== 'pass' && verdict !== 'fail') return;
      const n = typeof item.n === 'number' ? item.n : i + 1;
      verdicts.set(n, { pass: verdict === 'pass', reason: typeof item.reason === 'string' ? item.reason : '' });
    });
  } catch {
    // unreadable: every criterion fails with the answer quoted
  }
  return verdicts;
}

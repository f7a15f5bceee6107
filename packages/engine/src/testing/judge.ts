import type { Llm } from '../providers/llm/types';

export interface JudgeVerdict {
  pass: boolean;
  reason: string;
}

const instructions =
  'You judge a voice agent in a test. Decide whether the agent message fulfils the intent. ' +
  'Answer with JSON only: {"verdict": "pass" or "fail", "reason": "one short sentence"}.';

/** Asks `llm` whether `message` fulfils `intent`; an answer that cannot be read counts as a failure. */
export async function judgeMessage(llm: Llm, message: string, intent: string): Promise<JudgeVerdict> {
  let answer = '';
  for await (const chunk of llm.chat({
    messages: [
      { role: 'system', content: instructions },
      { role: 'user', content: `Intent: ${intent}\nAgent message: ${JSON.stringify(message)}` },
    ],
    tools: [],
  })) {
    if (chunk.type === 'text') answer += chunk.delta;
  }
  return readVerdict(answer);
}

function readVerdict(answer: string): JudgeVerdict {
  const json = /\{[\s\S]*\}/.exec(answer)?.[0];
  if (json) {
    try {
      const parsed = JSON.parse(json) as { verdict?: unknown; reason?: unknown };
      const verdict = String(parsed.verdict ?? '').toLowerCase();
      if (verdict === 'pass' || verdict === 'fail') {
        return { pass: verdict === 'pass', reason: typeof parsed.reason === 'string' ? parsed.reason : '' };
      }
    } catch {
      // not JSON after all: fall through to the plain-word reading
    }
  }
  const word = /^\s*(pass|fail)\b[:\s-]*(.*)$/is.exec(answer);
  if (word) return { pass: word[1]?.toLowerCase() === 'pass', reason: (word[2] ?? '').trim() };
  return { pass: false, reason: `the judge gave no verdict: ${JSON.stringify(answer.slice(0, 200))}` };
}

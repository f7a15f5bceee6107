import { compileSafeRegex } from '../../flow/safe-regex';
import type { Simulation } from '../../flow/scenario-schema';
import type { SimulatedCaller } from './simulated-caller';

/**
 * The offline caller: each turn, the first rule whose `when` matches the agent's last message
 * gives the line, else the fallback; with neither the caller hangs up.
 */
export function createScriptedCaller(script: NonNullable<Simulation['script']>): SimulatedCaller {
  const rules = script.rules.map((rule, i) => {
    const pattern = compileSafeRegex(rule.when);
    if (!pattern.ok) throw new Error(`persona script rule ${i + 1}: /${rule.when}/ ${pattern.problem}`);
    return { test: pattern.regex, say: rule.say };
  });
  return {
    kind: 'scripted',
    async next(conversation) {
      const last = conversation.findLast((m) => m.role === 'agent')?.text ?? '';
      const line = rules.find((rule) => rule.test.test(last))?.say ?? script.fallback;
      return line === undefined ? { hangUp: true } : { say: line, hangUp: false };
    },
  };
}

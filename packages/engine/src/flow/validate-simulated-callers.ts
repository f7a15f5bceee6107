import { DeliveryError, parseDelivery } from '../testing/voice/delivery';
import type { IssueCode, IssueTarget } from './issues';
import { compileSafeRegex } from './safe-regex';
import type { FlowSpec } from './schema';

type Report = (code: IssueCode, message: string, target: IssueTarget, severity?: 'error' | 'warning') => void;

/**
 * Checks what simulated callers read: the delivery markup of voice scenarios' lines, and the
 * simulations (unique ids, handoff checks naming agents of the flow, persona script patterns).
 */
export function checkSimulatedCallers(spec: FlowSpec, report: Report): void {
  spec.scenarios.forEach((scenario, i) => {
    if (scenario.mode !== 'voice') return;
    scenario.turns.forEach((turn, t) => {
      try {
        parseDelivery(turn.user);
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        report('scenario_delivery_invalid', `Scenario "${scenario.name}", turn ${t + 1}: ${error.message}.`, {
          kind: 'scenario',
          id: scenario.id,
          path: `scenarios.${i}.turns.${t}.user`,
        });
      }
    });
  });
  const agents = new Set(spec.agents.map((a) => a.id));
  const ids = new Set<string>();
  (spec.simulations ?? []).forEach((simulation, i) => {
    const target = { kind: 'scenario' as const, id: simulation.id };
    if (ids.has(simulation.id) || spec.scenarios.some((s) => s.id === simulation.id)) {
      report('simulation_duplicate_id', `The id "${simulation.id}" of simulation "${simulation.name}" is used twice.`, {
        ...target,
        path: `simulations.${i}.id`,
      });
    }
    ids.add(simulation.id);
    simulation.checks.forEach((check, c) => {
      if (check.kind === 'handoff' && !agents.has(check.to)) {
        report(
          'simulation_agent_unknown',
          `Simulation "${simulation.name}" checks for a handoff to "${check.to}", which is not an agent of this flow.`,
          { ...target, path: `simulations.${i}.checks.${c}.to` },
        );
      }
    });
    simulation.script?.rules.forEach((rule, r) => {
      const compiled = compileSafeRegex(rule.when);
      if (!compiled.ok) {
        report(
          'simulation_rule_invalid',
          `Simulation "${simulation.name}", caller rule ${r + 1}: the pattern "${rule.when}" ${compiled.problem}.`,
          { ...target, path: `simulations.${i}.script.rules.${r}.when` },
        );
      }
    });
  });
}

/**
 * validate + compile time for a generated 300-agent, 1,000-edge flow (target: < 50 ms together),
 * once with LLM-chosen edges and once with a condition on every edge.
 */
import { compile, validate } from '../src/flow';
import { generateFlow } from './generate-flow';
import { percentile, printResults } from './stats';

/** Runs the flow benchmark and returns its numbers (ms). */
export function runFlowBench(iterations = 30): Record<string, number> {
  const conditioned = measure(iterations, true);
  return {
    ...measure(iterations, false),
    ...Object.fromEntries(Object.entries(conditioned).map(([k, v]) => [`conditions on 1000 edges: ${k}`, v])),
  };
}

function measure(iterations: number, conditions: boolean): Record<string, number> {
  const spec = generateFlow(300, 1000, { conditions });
  const validateMs: number[] = [];
  const compileMs: number[] = [];
  // Warm up the JIT so the numbers describe steady use in a long-running server.
  for (let i = 0; i < 3; i++) compile(spec);
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    const result = validate(spec);
    validateMs.push(performance.now() - t);
    if (!result.valid) throw new Error(`generated flow is invalid: ${result.issues[0]?.message}`);
    t = performance.now();
    compile(spec);
    compileMs.push(performance.now() - t);
  }
  const cold = performance.now();
  // New condition texts too, so parsed conditions cached by the runs above do not help.
  compile(generateFlow(300, 1000, { conditions, salt: '-cold' }));
  return {
    'validate alone p50 ms': percentile(validateMs, 50),
    'validate+compile p50 ms': percentile(compileMs, 50),
    'validate+compile p95 ms': percentile(compileMs, 95),
    'validate+compile first call after warm-up, new spec, ms': performance.now() - cold,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) printResults('flow (300 agents, 1000 edges)', runFlowBench());

import type { Llm } from '../providers/llm/types';
import { judgeMessage } from './judge';
import { describeRunEvent, type RunEvent } from './run-events';

/** A failed expectation about a run, with the run's events listed. */
export class RunAssertionError extends Error {
  constructor(message: string, events: readonly RunEvent[]) {
    const listing = events.length ? events.map((e, i) => `  [${i}] ${describeRunEvent(e)}`).join('\n') : '  (none)';
    super(`${message}\nEvents of this run:\n${listing}`);
    this.name = 'RunAssertionError';
  }
}

type Message = Extract<RunEvent, { type: 'message' }>;
type FunctionCall = Extract<RunEvent, { type: 'function_call' }>;
type FunctionCallOutput = Extract<RunEvent, { type: 'function_call_output' }>;
type Handoff = Extract<RunEvent, { type: 'agent_handoff' }>;

export interface MessageFilter {
  role?: 'user' | 'assistant';
  /** Exact text. */
  content?: string;
  /** Text must match. */
  pattern?: RegExp;
}
export interface FunctionCallFilter {
  name?: string;
  /** Every key given must be present with an equal value. */
  arguments?: Record<string, unknown>;
}
export interface FunctionCallOutputFilter {
  /** Exact output, or a pattern it must match. */
  output?: string | RegExp;
  isError?: boolean;
}
export interface HandoffFilter {
  newAgent?: string;
}

/** Expectations over the events of one run, read in order with a cursor. */
export class RunExpect {
  private cursor = 0;

  constructor(readonly events: readonly RunEvent[]) {}

  /** The next event (moves the cursor). */
  nextEvent(): EventAssert {
    const index = this.cursor;
    const event = this.events[index];
    if (!event)
      throw new RunAssertionError(`Expected an event at index ${index}, but the run has no more events`, this.events);
    this.cursor++;
    return new EventAssert(event, index, this.events);
  }

  /** Skips `n` events. */
  skipNext(n = 1): this {
    if (this.cursor + n > this.events.length) {
      throw new RunAssertionError(
        `Cannot skip ${n} event(s) from index ${this.cursor}: only ${this.events.length - this.cursor} left`,
        this.events,
      );
    }
    this.cursor += n;
    return this;
  }

  /** Fails if events remain after the cursor. */
  noMoreEvents(): void {
    if (this.cursor < this.events.length) {
      const next = this.events[this.cursor] as RunEvent;
      throw new RunAssertionError(
        `Expected no more events, but found at index ${this.cursor}: ${describeRunEvent(next)}`,
        this.events,
      );
    }
  }

  /** Some message of the run matches. */
  containsMessage(filter: MessageFilter = {}): MessageAssert {
    return this.find(
      'message',
      (e) => messageProblem(e, filter) === null,
      `a message ${show(filter)}`,
      (e, i) => new MessageAssert(e, i, this.events),
    );
  }

  /** Some function call of the run matches. */
  containsFunctionCall(filter: FunctionCallFilter = {}): EventAssert {
    return this.find(
      'function_call',
      (e) => callProblem(e, filter) === null,
      `a function call ${show(filter)}`,
      (e, i) => new EventAssert(e, i, this.events),
    );
  }

  /** Some function call output of the run matches. */
  containsFunctionCallOutput(filter: FunctionCallOutputFilter = {}): EventAssert {
    return this.find(
      'function_call_output',
      (e) => outputProblem(e, filter) === null,
      `a function call output ${show(filter)}`,
      (e, i) => new EventAssert(e, i, this.events),
    );
  }

  /** Some handoff of the run matches. */
  containsAgentHandoff(filter: HandoffFilter = {}): EventAssert {
    return this.find(
      'agent_handoff',
      (e) => handoffProblem(e, filter) === null,
      `an agent handoff ${show(filter)}`,
      (e, i) => new EventAssert(e, i, this.events),
    );
  }

  private find<T extends RunEvent['type'], A>(
    type: T,
    matches: (event: Extract<RunEvent, { type: T }>) => boolean,
    what: string,
    wrap: (event: Extract<RunEvent, { type: T }>, index: number) => A,
  ): A {
    const index = this.events.findIndex((e) => e.type === type && matches(e as Extract<RunEvent, { type: T }>));
    if (index < 0) throw new RunAssertionError(`Expected ${what} in the run, found none`, this.events);
    return wrap(this.events[index] as Extract<RunEvent, { type: T }>, index);
  }
}

/** One event, to be checked for its kind and content. */
export class EventAssert {
  constructor(
    readonly event: RunEvent,
    readonly index: number,
    private readonly all: readonly RunEvent[],
  ) {}

  /** Asserts a message; returns an assertion that can also be judged. */
  isMessage(filter: MessageFilter = {}): MessageAssert {
    const event = this.expectType('message');
    this.check(messageProblem(event, filter));
    return new MessageAssert(event, this.index, this.all);
  }

  /** Asserts a function call. */
  isFunctionCall(filter: FunctionCallFilter = {}): FunctionCall {
    const event = this.expectType('function_call');
    this.check(callProblem(event, filter));
    return event;
  }

  /** Asserts a function call output. */
  isFunctionCallOutput(filter: FunctionCallOutputFilter = {}): FunctionCallOutput {
    const event = this.expectType('function_call_output');
    this.check(outputProblem(event, filter));
    return event;
  }

  /** Asserts a handoff. */
  isAgentHandoff(filter: HandoffFilter = {}): Handoff {
    const event = this.expectType('agent_handoff');
    this.check(handoffProblem(event, filter));
    return event;
  }

  protected fail(problem: string): never {
    throw new RunAssertionError(`Event [${this.index}] ${describeRunEvent(this.event)}: ${problem}`, this.all);
  }

  private expectType<T extends RunEvent['type']>(type: T): Extract<RunEvent, { type: T }> {
    if (this.event.type !== type) this.fail(`expected a ${type}`);
    return this.event as Extract<RunEvent, { type: T }>;
  }

  private check(problem: string | null): void {
    if (problem) this.fail(problem);
  }
}

/** A message assertion that can ask an LLM judge about its content. */
export class MessageAssert extends EventAssert {
  constructor(
    readonly message: Message,
    index: number,
    all: readonly RunEvent[],
  ) {
    super(message, index, all);
  }

  /** Asks `llm` whether the message fulfils `intent`; fails with the judge's reason. */
  async judge(llm: Llm, options: { intent: string }): Promise<this> {
    const verdict = await judgeMessage(llm, this.message.content, options.intent);
    if (!verdict.pass) this.fail(`the judge found it does not fulfil "${options.intent}": ${verdict.reason}`);
    return this;
  }
}

function messageProblem(event: Message, filter: MessageFilter): string | null {
  if (filter.role && event.role !== filter.role) return `expected role ${filter.role}, got ${event.role}`;
  if (filter.content !== undefined && event.content !== filter.content)
    return `expected content ${JSON.stringify(filter.content)}`;
  if (filter.pattern && !filter.pattern.test(event.content)) return `expected content matching ${filter.pattern}`;
  return null;
}

function callProblem(event: FunctionCall, filter: FunctionCallFilter): string | null {
  if (filter.name && event.name !== filter.name) return `expected function ${filter.name}`;
  const args = (event.arguments ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(filter.arguments ?? {})) {
    if (JSON.stringify(args[key]) !== JSON.stringify(value))
      return `expected argument ${key} = ${JSON.stringify(value)}, got ${JSON.stringify(args[key])}`;
  }
  return null;
}

function outputProblem(event: FunctionCallOutput, filter: FunctionCallOutputFilter): string | null {
  if (filter.isError !== undefined && event.isError !== filter.isError)
    return filter.isError ? 'expected an error output' : 'expected a successful output';
  const { output } = filter;
  if (typeof output === 'string' && event.output !== output) return `expected output ${JSON.stringify(output)}`;
  if (output instanceof RegExp && !output.test(event.output)) return `expected output matching ${output}`;
  return null;
}

function handoffProblem(event: Handoff, filter: HandoffFilter): string | null {
  if (filter.newAgent && event.newAgent !== filter.newAgent) return `expected a handoff to ${filter.newAgent}`;
  return null;
}

function show(filter: object): string {
  return JSON.stringify(filter, (_, v) => (v instanceof RegExp ? String(v) : v));
}

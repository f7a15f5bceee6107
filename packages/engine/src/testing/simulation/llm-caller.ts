import type { Simulation } from '../../flow/scenario-schema';
import type { ChatMessage, Llm } from '../../providers/llm/types';
import type { CallerMove, ConversationLine, SimulatedCaller } from './simulated-caller';

/** Said (alone or at the end of a line) to hang up. */
export const HANG_UP = '[hang up]';

/** The persona's system prompt: who the caller is, what they want, what they know, how to end. */
export function personaPrompt(simulation: Simulation): string {
  return [
    'You play a caller phoning a voice agent, to test it. Stay in character; never say you are an AI or a test.',
    simulation.persona && `Who you are: ${simulation.persona}`,
    simulation.goal && `What you want: ${simulation.goal}`,
    simulation.facts.length > 0 && `What you know (give it when asked): ${simulation.facts.join('; ')}`,
    'Answer with only the words you say next, one or two short spoken sentences.',
    `When your goal is reached or the call is going nowhere, end your line with ${HANG_UP}, or say only ${HANG_UP}.`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * A caller played by an LLM: the agent's lines are its "user" messages and its own lines its
 * "assistant" messages, so any chat model can play the part.
 */
export function createLlmCaller(llm: Llm, simulation: Simulation): SimulatedCaller {
  const system = personaPrompt(simulation);
  return {
    kind: 'llm',
    async next(conversation: readonly ConversationLine[]): Promise<CallerMove> {
      const messages: ChatMessage[] = [{ role: 'system', content: system }];
      for (const line of conversation) {
        messages.push(
          line.role === 'agent' ? { role: 'user', content: line.text } : { role: 'assistant', content: line.text },
        );
      }
      // A chat must end with the other side's message; before the agent said anything, prompt the opening.
      if (conversation.at(-1)?.role !== 'agent') messages.push({ role: 'user', content: '(the call is connected)' });
      let answer = '';
      for await (const chunk of llm.chat({ messages, tools: [] })) if (chunk.type === 'text') answer += chunk.delta;
      return readMove(answer);
    },
  };
}

function readMove(answer: string): CallerMove {
  const text = answer.trim().replace(/^["']|["']$/g, '');
  const at = text.toLowerCase().lastIndexOf(HANG_UP);
  if (at < 0) return text ? { say: text, hangUp: false } : { hangUp: true };
  const say = text.slice(0, at).trim();
  return say ? { say, hangUp: true } : { hangUp: true };
}

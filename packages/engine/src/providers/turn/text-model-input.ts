import type { ChatMessage } from '../llm/types';

/**
 * How a text end-of-turn model sees the conversation: the last turns in the model's chat
 * template, cut right after the user's last words so the model scores whether the
 * end-of-utterance token comes next. Only ChatML is rendered (the template of the open
 * Qwen/SmolLM-based EOU models); a Jinja `chat_template` is not interpreted.
 */
export interface ChatTemplate {
  /** Text opening a message of the given role. */
  open(role: 'user' | 'assistant'): string;
  /** The end-of-utterance token: closes a message; its probability is the model's answer. */
  eouToken: string;
  /** Text between the end-of-utterance token and the next message. */
  separator: string;
}

/** ChatML: `<|im_start|>role\ncontent<|im_end|>\n`. */
export const chatMlTemplate: ChatTemplate = {
  open: (role) => `<|im_start|>${role}\n`,
  eouToken: '<|im_end|>',
  separator: '\n',
};

/** How much context reaches the model: the last 6 turns, then the last 128 tokens of those. */
export const textModelLimits = { maxTurns: 6, maxTokens: 128 };

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/** The last user/assistant turns, consecutive messages of one role merged (an STT may split a turn in several). */
export function recentTurns(chat: readonly ChatMessage[], maxTurns = textModelLimits.maxTurns): Turn[] {
  const turns: Turn[] = [];
  for (const message of chat) {
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    const content = message.content.trim();
    if (!content) continue;
    const previous = turns.at(-1);
    if (previous?.role === message.role) previous.content = `${previous.content} ${content}`;
    else turns.push({ role: message.role, content });
  }
  return turns.slice(-maxTurns);
}

/**
 * The prompt text: recent turns rendered with the template, with the final end-of-utterance
 * token and what follows it removed. The chat should end with the user's current turn.
 */
export function formatTextModelPrompt(chat: readonly ChatMessage[], template: ChatTemplate = chatMlTemplate): string {
  const rendered = recentTurns(chat)
    .map((turn) => `${template.open(turn.role)}${turn.content}${template.eouToken}${template.separator}`)
    .join('');
  const lastEou = rendered.lastIndexOf(template.eouToken);
  return lastEou === -1 ? rendered : rendered.slice(0, lastEou);
}

export interface TextModelInput {
  prompt: string;
  /** Token ids fed to the model as `input_ids`: the prompt's last `maxTokens` tokens. */
  ids: number[];
}

/** The exact model input for a chat: prompt, tokenized, truncated from the front. */
export function buildTextModelInput(
  chat: readonly ChatMessage[],
  encode: (text: string) => number[],
  template: ChatTemplate = chatMlTemplate,
): TextModelInput {
  const prompt = formatTextModelPrompt(chat, template);
  return { prompt, ids: encode(prompt).slice(-textModelLimits.maxTokens) };
}

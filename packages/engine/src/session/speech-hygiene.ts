import type { SpeechHygiene } from '../flow/speech-schema';
import type { Tts } from '../providers/tts/types';

// Emoji and pictographs, flags, skin tones, variation selectors and joiners; digits and # * stay.
const emoji = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;

const markdown: [RegExp, string][] = [
  [/```[^\n]*\n?|```/g, ''], // code fences
  [/`([^`]*)`/g, '$1'], // inline code
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // images: keep the alt text
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'], // links: keep the text
  [/^\s{0,3}#{1,6}\s+/gm, ''], // headings
  [/^\s{0,3}>\s?/gm, ''], // quotes
  [/^\s*(?:[-*+]|\d+[.)])\s+/gm, ''], // list bullets and numbers
  [/(\*\*|__)(.+?)\1/g, '$2'], // bold
  [/(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])/g, '$1'], // italics
  [/~~(.+?)~~/g, '$1'], // strike-through
  [/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/gm, ''], // rules
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text as it should be spoken: markup and emoji removed (when asked), pronunciations applied. */
export function speakableText(text: string, hygiene: SpeechHygiene): string {
  let out = text;
  if (hygiene.filterMarkup) {
    for (const [pattern, replacement] of markdown) out = out.replace(pattern, replacement);
    // An emoji before punctuation leaves a space the voice would pause on.
    out = out.replace(emoji, '').replace(/ +([!?.,;:])/g, '$1');
  }
  for (const { word, say } of hygiene.pronunciations) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(word)}(?![\\p{L}\\p{N}])`, 'giu'), say);
  }
  return out.replace(/[ \t]{2,}/g, ' ').trim();
}

/** A TTS that speaks `speakableText` of what it is given (transcripts keep the original text). */
export function withSpeechHygiene(tts: Tts, hygiene: SpeechHygiene | undefined): Tts {
  if (!hygiene || (!hygiene.filterMarkup && hygiene.pronunciations.length === 0)) return tts;
  return {
    id: tts.id,
    sampleRate: tts.sampleRate,
    async *synthesize(text, options) {
      const spoken = speakableText(text, hygiene);
      if (spoken) yield* tts.synthesize(spoken, options);
    },
  };
}

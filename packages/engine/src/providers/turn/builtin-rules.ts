/**
 * Word lists behind the built-in end-of-turn scorer, one entry per base language code.
 * Lists are lowercase, comma-separated; multi-word entries match the end of the utterance
 * word by word. Add a language by adding an entry: the scorer and its support check use it.
 */
export interface BuiltinLanguageRules {
  /** Words that join clauses: a turn ending on one almost always goes on. */
  conjunctions: string[];
  /** Prepositions, articles, determiners, pronouns and copulas: they need a word after them. */
  needsObject: string[];
  /** Hesitations and fillers: the speaker is holding the floor. */
  fillers: string[];
  /** Openings that announce content not yet said ("my name is", "i want to"). */
  unfinishedPhrases: string[];
  /** Endings that close a sentence even though they end on a listed word ("i think so", "yes", "no"). */
  completeEndings: string[];
}

function list(text: string): string[] {
  return text.split(',').map((entry) => entry.trim());
}

const en: BuiltinLanguageRules = {
  conjunctions: list(
    'and, but, or, so, because, cause, if, when, while, although, though, unless, since, that, which, who, whose, where, then, than, nor, as, whether, until',
  ),
  needsObject: list(
    "the, a, an, to, with, for, of, in, on, at, from, by, about, into, onto, through, without, between, under, over, after, before, during, my, your, our, their, his, her, its, this, these, those, some, any, every, each, no, i, i'm, i'd, i'll, we, am, is, are, was, were, be, been, very, really",
  ),
  fillers: list('um, uh, umm, uhh, er, erm, hmm, mm, ah, well, like, you know, i mean, sort of, kind of'),
  unfinishedPhrases: list(
    "my name is, i want to, i would like to, i'd like to, i need to, i need, i want, can you, could you, would you, will you, i was wondering, i think, the problem is, what about, how about, is it, do you have, let me, let's, it is, it's, there is, there's, my number is, my email is, my address is, i live in, i am, i was, i have, i've got",
  ),
  completeEndings: list(
    "yes, yeah, yep, yup, no, nope, sure, ok, okay, thanks, thank you, hello, hi, hey, bye, goodbye, correct, right, exactly, perfect, great, fine, good, alright, of course, please, sorry, absolutely, definitely, maybe, think so, hope so, guess so, believe so, and so on, or so, me too, like that, that is it, that's it, no thanks",
  ),
};

const fr: BuiltinLanguageRules = {
  conjunctions: list('et, mais, ou, donc, car, parce que, que, qui, si, quand, puis, alors, comme, lorsque'),
  needsObject: list(
    'le, la, les, un, une, des, du, de, à, au, aux, avec, pour, dans, sur, sous, chez, par, sans, mon, ma, mes, ton, ta, tes, son, sa, ses, notre, votre, leur, ce, cette, ces, je, tu, il, elle, nous, vous, est, suis, très',
  ),
  fillers: list('euh, heu, bah, ben, genre, enfin, tu sais, vous savez'),
  unfinishedPhrases: list(
    "je m'appelle, mon nom est, je voudrais, je veux, j'aimerais, je dois, pouvez-vous, est-ce que, je pense que, il y a, c'est, mon numéro est",
  ),
  completeEndings: list(
    "oui, non, merci, d'accord, ok, bonjour, salut, au revoir, parfait, exactement, bien sûr, je pense que oui, moi aussi",
  ),
};

const es: BuiltinLanguageRules = {
  conjunctions: list('y, e, pero, o, u, porque, que, si, cuando, aunque, pues, como, entonces, mientras'),
  needsObject: list(
    'el, la, los, las, un, una, unos, unas, de, del, a, al, con, para, por, en, sin, sobre, entre, hasta, desde, mi, mis, tu, tus, su, sus, nuestro, este, esta, ese, esa, yo, es, soy, muy',
  ),
  fillers: list('eh, em, este, o sea, bueno, sabes, digamos'),
  unfinishedPhrases: list(
    'me llamo, mi nombre es, quiero, quisiera, me gustaría, necesito, puede, podría, creo que, hay, mi número es',
  ),
  completeEndings: list(
    'sí, si, no, gracias, vale, claro, hola, adiós, perfecto, exacto, de acuerdo, bien, creo que sí, creo que no, yo también',
  ),
};

const de: BuiltinLanguageRules = {
  conjunctions: list('und, aber, oder, denn, weil, dass, wenn, ob, als, obwohl, sondern, dann'),
  needsObject: list(
    'der, die, das, den, dem, des, ein, eine, einen, einem, einer, zu, mit, für, von, in, im, an, am, auf, aus, bei, nach, über, unter, ohne, mein, meine, dein, sein, ihr, unser, ich, ist, bin, sehr',
  ),
  fillers: list('äh, ähm, öh, hm, halt, naja, also, weißt du, sozusagen'),
  unfinishedPhrases: list(
    'ich heiße, mein name ist, ich möchte, ich will, ich brauche, können sie, ich glaube, es gibt, meine nummer ist',
  ),
  completeEndings: list(
    'ja, nein, danke, okay, ok, genau, richtig, hallo, tschüss, gut, perfekt, natürlich, bitte, ich auch, glaube schon',
  ),
};

/** Rules per base language code. */
export const builtinTurnRules: Readonly<Record<string, BuiltinLanguageRules>> = { en, fr, es, de };

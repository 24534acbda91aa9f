import { MAX_SETTINGS_WORD_LENGTH, MAX_SETTINGS_WORDS } from './limits';
import { normalizeWord, SETTINGS_WORD } from './settings';

/**
 * What the reader typed in a settings list, checked word by word (issue #10:
 * "an invalid entry is refused on its own, never wiping a list"), with a
 * sentence for each refused word. Only the options page loads this; the
 * other pages read stored lists through lib/shared/settings.ts alone.
 */

const ALLOWED_PUNCTUATION = "- . _ + # ' * / ( )";

/** Why a word is refused, in the reader's terms, or undefined when it is fine. */
function wordProblem(word: string): string | undefined {
  const characters = [...word];
  if (characters.length > MAX_SETTINGS_WORD_LENGTH) {
    return `“${characters.slice(0, MAX_SETTINGS_WORD_LENGTH).join('')}…” is longer than ${MAX_SETTINGS_WORD_LENGTH} characters.`;
  }
  if (!SETTINGS_WORD.test(word)) {
    const bad = characters.find((character) => !SETTINGS_WORD.test(character)) ?? '';
    return `“${word}” has ${characterName(bad)}, which a word here cannot hold (letters, digits, spaces and ${ALLOWED_PUNCTUATION} only).`;
  }
  return undefined;
}

/** A character as the reader can see it: itself when printable, else its code point. */
function characterName(character: string): string {
  const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character) ? `“${character}”` : `an invisible character (${code})`;
}

export interface CheckedWordList {
  /** The words to save, in the reader's order, each once (case aside: `Rust` and `rust` are one word). */
  words: string[];
  /** One sentence per refused word, naming it; empty when every word was kept. */
  refused: string[];
}

/** Split what a reader typed ("rust, Go  python") and check each word on its own: a bad word is refused, the rest kept. */
export function checkWordList(text: string): CheckedWordList {
  const words: string[] = [];
  const seen = new Set<string>();
  const refused: string[] = [];
  const overflow: string[] = [];
  for (const candidate of text.split(/[,\n]/)) {
    const word = normalizeWord(candidate);
    if (word === '' || seen.has(word.toLowerCase())) continue;
    const problem = wordProblem(word);
    if (problem) refused.push(problem);
    else if (words.length === MAX_SETTINGS_WORDS) overflow.push(word);
    else {
      words.push(word);
      seen.add(word.toLowerCase());
    }
  }
  if (overflow.length > 0) {
    const named = overflow.map((word) => `“${word}”`).join(', ');
    refused.push(`${named} did not fit: a list holds at most ${MAX_SETTINGS_WORDS} words.`);
  }
  return { words, refused };
}

/** Split what a reader typed into the words that would be saved. */
export function parseWordList(text: string): string[] {
  return checkWordList(text).words;
}

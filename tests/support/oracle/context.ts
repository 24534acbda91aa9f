import type { CatalogItem } from '@/lib/shared/records';
import { bareName, formatOf, ownerOf } from './classify';

/**
 * The oracle's own reading of what an item is (issue #11, item 3), to check
 * the issue's `attribute` claims: written from the plain-words definitions,
 * NOT from lib/issue/context.ts or lib/issue/accounts.ts. Deliberately plain:
 * dash-separated words, tag prefixes, a short hand-made table of the roles of
 * the accounts the tests' data holds.
 */

/** Every size word of a model's bare name, upper-cased: "27B", "A3B", "8X7B" (words of digits, an optional decimal part and M, B or T). */
export function sizeWords(itemId: string): string[] {
  return bareName(itemId)
    .split(/[-_]/)
    .map((word) => word.toUpperCase())
    .filter((word) => /^A?\d+(\.\d+)?[MBT]$/.test(word) || /^\d+X\d+(\.\d+)?[MBT]$/.test(word));
}

/**
 * A claimed size is right when its words are words of the name, in order and
 * next to each other ("35B-A3B" → "35B" then "A3B"), and the parameter count it
 * states is a plausible model's: 10 million to 10 trillion.
 */
export function sizeIsRead(itemId: string, size: string): boolean {
  const wanted = size.toUpperCase().split('-');
  const words = bareName(itemId).split(/[-_]/).map((word) => word.toUpperCase());
  const start = words.indexOf(wanted[0]!);
  if (start < 0 || !wanted.every((word, index) => words[start + index] === word)) return false;
  const total = /^(?:(\d+)X)?(\d+(?:\.\d+)?)([MBT])$/.exec(wanted[0]!);
  if (!total) return false;
  const scale = { M: 1e6, B: 1e9, T: 1e12 }[total[3] as 'M' | 'B' | 'T'];
  const params = Number(total[2]) * scale * Number(total[1] ?? 1);
  return params >= 1e7 && params <= 1e13;
}

/** The values of an item's `prefix:` tags. */
export function tagValues(item: Pick<CatalogItem, 'tags'>, prefix: string): string[] {
  return (item.tags ?? []).filter((tag) => tag.startsWith(prefix)).map((tag) => tag.slice(prefix.length));
}

/**
 * The base models the tags name, with their relations: `base_model:X` and
 * `base_model:<relation>:X` for the four relations the Hub writes (quantized,
 * finetune, adapter, merge). Read as the project's one rule words it (issue
 * #12, lib/shared/model-tags.ts's comment, not its code): an id with an owner,
 * not the item itself, two spellings that differ only in case counted once.
 */
export function basesOf(item: Pick<CatalogItem, 'tags'> & { itemId?: string }): { bases: string[]; relations: string[] } {
  const bases: string[] = [];
  const relations: string[] = [];
  for (const value of tagValues(item, 'base_model:')) {
    const parts = value.split(':');
    let id: string | undefined;
    if (parts.length === 1) id = parts[0]!;
    else if (parts.length === 2 && ['quantized', 'finetune', 'adapter', 'merge'].includes(parts[0]!)) id = parts[1]!;
    if (id === undefined || id.split('/').length !== 2 || id.toLowerCase() === item.itemId?.toLowerCase()) continue;
    if (parts.length === 2) relations.push(parts[0]!);
    if (!bases.some((base) => base.toLowerCase() === id.toLowerCase())) bases.push(id);
  }
  return { bases, relations: [...new Set(relations)] };
}

/** The one base of a model: the only model its tags name (none when they name none or several). */
export function oneBaseOf(item: Pick<CatalogItem, 'tags'> & { itemId: string }): string | undefined {
  const { bases } = basesOf(item);
  return bases.length === 1 ? bases[0] : undefined;
}

/**
 * The roles of the accounts in the tests' data, looked up by hand on their
 * Hugging Face and GitHub profiles (lower-case handles). An owner not here is
 * unknown to the oracle: a role claim about it is reported, so that the
 * table here grows with the data the tests use.
 */
export const ORACLE_ROLES: Record<string, 'lab' | 'quantiser' | 'community'> = {
  qwen: 'lab',
  'deepseek-ai': 'lab',
  minimaxai: 'lab',
  moonshotai: 'lab',
  lightricks: 'lab',
  nvidia: 'lab',
  baidu: 'lab',
  apple: 'lab',
  google: 'lab',
  'meta-llama': 'lab',
  microsoft: 'lab',
  openai: 'lab',
  unsloth: 'quantiser',
  bartowski: 'quantiser',
  'mlx-community': 'quantiser',
  'huihui-ai': 'community',
  davidau: 'community',
};

export function roleOf(itemId: string): string | undefined {
  const owner = ownerOf(itemId);
  return owner ? ORACLE_ROLES[owner.toLowerCase()] : undefined;
}

export { formatOf };

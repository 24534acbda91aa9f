import { isArxivId, isGithubRepoFullName, isHuggingFaceRepoId } from './links';
import { MAX_TAGS, MAX_TAG_LENGTH } from './limits';

/**
 * What a Hugging Face item's tags say it is linked to, read in one place for
 * every reader (the context and stories, the cross-source links of
 * issue #12): its base model, the arXiv papers and the datasets it names.
 * Only exact, validated ids are read — never a name that looks alike.
 *
 * Hugging Face repo ids are compared without case: the Hub treats them so
 * (`Qwen/Qwen3-8B` and `qwen/qwen3-8b` are one repository; huggingface_hub
 * issue #2090, "repo ids are case insensitive across the Hub").
 */

export type Relation = 'quantized' | 'finetune' | 'adapter' | 'merge';

const RELATIONS: readonly Relation[] = ['quantized', 'finetune', 'adapter', 'merge'];

interface Tagged {
  tags?: readonly unknown[] | undefined;
}

/** The item's tags that are strings of a sane length, at most `MAX_TAGS` of them (lib/shared/limits.ts). */
export function tagsOf(item: Tagged): string[] {
  return Array.isArray(item.tags) ? item.tags.slice(0, MAX_TAGS).filter((tag): tag is string => typeof tag === 'string' && tag.length <= MAX_TAG_LENGTH) : [];
}

/**
 * THE rule for a model's base (issue #12: one rule for every reader).
 *
 * Hugging Face tags a derivative with `base_model:<id>` and, from the card's
 * `base_model_relation`, `base_model:<relation>:<id>` (relation `quantized`,
 * `finetune`, `adapter` or `merge`). Both forms name the base; a tag with any
 * other relation word is not read. The base is the ONE model the tags name —
 * a valid model id with an owner (a legacy one-part id names nobody to credit),
 * not the item itself, spellings that differ only in case counted once (the
 * first kept) — or nothing when they name none or several: a merge of several
 * models has no one base (its relation, `merge`, is still given when every
 * relation tag says so). The relation is given when the tags give exactly one
 * for that base.
 *
 * (Before issue #12 the release-wave and overtakes-base stories read the plain
 * `base_model:<id>` tag only, and the first of several; the context
 * read this rule. They now share it.)
 */
export function baseOf(item: Tagged & { itemId: string }): { base?: string; relation?: Relation } {
  const bases = new Map<string, string>();
  const relations = new Map<string, Set<Relation>>();
  const self = typeof item.itemId === 'string' ? item.itemId.toLowerCase() : undefined;
  for (const tag of tagsOf(item)) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const colon = rest.indexOf(':');
    const relation = colon > 0 ? RELATIONS.find((name) => name === rest.slice(0, colon)) : undefined;
    if (colon > 0 && !relation) continue;
    const id = relation ? rest.slice(colon + 1) : rest;
    if (!isHuggingFaceRepoId(id, 'model') || !id.includes('/') || id.toLowerCase() === self) continue;
    const key = id.toLowerCase();
    if (!bases.has(key)) bases.set(key, id);
    if (relation) relations.set(key, (relations.get(key) ?? new Set()).add(relation));
  }
  const all = new Set([...relations.values()].flatMap((set) => [...set]));
  if (bases.size === 1) {
    const [key, base] = [...bases][0]!;
    const mine = relations.get(key);
    return { base, ...(mine?.size === 1 ? { relation: [...mine][0]! } : {}) };
  }
  return bases.size > 1 && all.size === 1 && all.has('merge') ? { relation: 'merge' } : {};
}

/** The base's id alone, by `baseOf`'s rule. */
export function baseModelOf(item: Tagged & { itemId: string }): string | undefined {
  return baseOf(item).base;
}

/** An arXiv id without its version: `2607.07673v2` and `2607.07673` are the same paper. */
export const unversioned = (id: string): string => id.replace(/v\d+$/, '');

/** The arXiv ids an item's `arxiv:<id>` tags name, valid ids only, without versions, in tag order. */
export function arxivIdsOf(item: Tagged): Set<string> {
  const ids = new Set<string>();
  for (const tag of tagsOf(item)) {
    if (!tag.startsWith('arxiv:')) continue;
    const id = tag.slice('arxiv:'.length);
    if (isArxivId(id)) ids.add(unversioned(id));
  }
  return ids;
}

/** The datasets a model's `dataset:<owner/name>` tags name (the card's `datasets`), valid namespaced ids only, in tag order. */
export function datasetIdsOf(item: Tagged): string[] {
  const ids = new Map<string, string>();
  for (const tag of tagsOf(item)) {
    if (!tag.startsWith('dataset:')) continue;
    const id = tag.slice('dataset:'.length);
    if (isHuggingFaceRepoId(id, 'dataset') && !ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), id);
  }
  return [...ids.values()];
}

/**
 * A paper's code repository as its `codeUrl` names it (`owner/repo`): the
 * address exactly as lib/shared/links.ts `githubRepoUrl` builds it from a
 * validated `githubRepo` (lib/sources/hf-papers.ts; lib/sources/bound.ts keeps
 * no other), the name checked again. Read by its shape rather than with
 * `githubFullNameFromUrl`, which takes the looser forms a submitter types: the
 * side panel loads this after it is ready, and that reader would move into
 * the code every page loads before (tests/e2e/budgets.e2e.ts).
 */
export function codeRepositoryNameOf(item: { codeUrl?: string | undefined }): string | undefined {
  const match = typeof item.codeUrl === 'string' ? /^https:\/\/github\.com\/([^/?#]+\/[^/?#]+)$/.exec(item.codeUrl) : null;
  return match && isGithubRepoFullName(match[1]!) ? match[1] : undefined;
}

/** `codeRepositoryNameOf`, lower-cased: GitHub compares names without case. */
export function codeRepositoryOf(item: { codeUrl?: string | undefined }): string | undefined {
  return codeRepositoryNameOf(item)?.toLowerCase();
}

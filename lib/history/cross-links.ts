import { githubRepoUrl, huggingFacePaperUrl, huggingFaceUrl, isArxivId, isGithubRepoFullName, isHuggingFaceRepoId } from '../shared/links';
import { arxivIdsOf, baseModelOf, codeRepositoryNameOf, datasetIdsOf, unversioned } from '../shared/model-tags';
import type { ListRow } from '../shared/movement';
import type { SourceId } from '../sources/ids';

/**
 * Links across sources (issue #12): for each listed item, what the other
 * sources know about it — a paper's code repository and whether it trends on
 * GitHub, a repository's paper and the models that cite that paper, a model's
 * base and whether that trends too, the Spaces built on a model. Pure.
 *
 * Matched ONLY from what the sources give, by exact ids, never by similar
 * names (issue #12):
 * - a paper's code: its `codeUrl`, built from a validated `githubRepo`
 *   (lib/sources/hf-papers.ts), read back by lib/shared/model-tags.ts;
 * - a model's base: the one rule of lib/shared/model-tags.ts `baseOf`;
 * - a model's or a dataset's papers: its `arxiv:<id>` tags (valid arXiv ids,
 *   versions dropped);
 * - a model's datasets: its `dataset:<owner/name>` tags;
 * - a Space's models: its `models` array, only when the served item has one
 *   (the Hub's default list items carry none; lib/sources/hf-spaces.ts);
 * - a repository's models: through a paper only — a model whose `arxiv:` tag
 *   names a listed paper whose code is that repository (repository ↔ paper ↔
 *   model). A GitHub `owner/repo` equal to a Hugging Face id is NOT a link:
 *   the two sites' accounts are separate namespaces, and a login held on both
 *   by different people would link unrelated work.
 *
 * Ids are compared as the sites compare them: GitHub's `owner/repo` and
 * Hugging Face's repo ids without case (GitHub's logins and names are
 * case-insensitive; the Hub's ids too, huggingface_hub issue #2090), arXiv ids
 * exactly, without their version.
 *
 * What is linked: the item's own data always names its code and its base, so
 * those are shown whether or not they trend ("and whether that trends too");
 * every other link is shown only when its target is in a list (a model's tags
 * may cite ten old papers; a Space is linked to a *trending* model). Each
 * link says every list its target is in, with its rank there.
 *
 * Bounded: at most `MAX_LINKS_PER_KIND` links of one kind and
 * `MAX_LINKS_PER_ITEM` in all per item, the ones left out counted.
 */

export const MAX_LINKS_PER_KIND = 3;
export const MAX_LINKS_PER_ITEM = 6;

/** What the target is to the item: its code, its paper, its base, a derivative of it, a model, a dataset or a Space that uses or cites it. */
export type CrossLinkKind = 'code' | 'paper' | 'base' | 'derivative' | 'model' | 'dataset' | 'space';

export type CrossLinkTarget = 'model' | 'dataset' | 'space' | 'paper' | 'repository';

export interface CrossLink {
  kind: CrossLinkKind;
  target: CrossLinkTarget;
  /** The target's id: as its list spells it when listed, else as the item's data names it. */
  id: string;
  /** Built from the validated id (lib/shared/links.ts). */
  url: string;
  /** Each given list that holds the target, with its rank there, in the order the lists were given. Empty: it trends nowhere. */
  ranks: { sourceId: SourceId; rank: number }[];
  /** The paper a link runs through (a repository's model, a model's code): its arXiv id. */
  via?: string;
}

export interface ItemLinks {
  links: CrossLink[];
  /** Links left out by the bounds. */
  omitted: number;
}

/** A list as the links read it: a `LatestList` (lib/history/list-view.ts) or a page's view of one. */
export interface LinkableList {
  sourceId: SourceId;
  rows: readonly ListRow[];
}

/** The key of an item in the result: its source and its id. */
export const crossLinkKey = (sourceId: SourceId, itemId: string): string => `${sourceId} ${itemId}`;

const TARGET_OF: Record<SourceId, CrossLinkTarget> = {
  'hf-models': 'model',
  'hf-datasets': 'dataset',
  'hf-spaces': 'space',
  'hf-papers': 'paper',
  'gh-trending-daily': 'repository',
  'gh-trending-weekly': 'repository',
  'gh-search': 'repository',
};

/** How an id is compared, per target: without case on GitHub and the Hub; an arXiv id without its version. */
function matchKey(target: CrossLinkTarget, id: string): string {
  return target === 'paper' ? unversioned(id) : id.toLowerCase();
}

/** The link to a target, or undefined for an id that is not valid as its kind (stored data is checked again here). */
function urlOf(target: CrossLinkTarget, id: string): string | undefined {
  switch (target) {
    case 'repository':
      return isGithubRepoFullName(id) ? githubRepoUrl(id) : undefined;
    case 'paper':
      return isArxivId(id) ? huggingFacePaperUrl(id) : undefined;
    default:
      return isHuggingFaceRepoId(id, target) ? huggingFaceUrl(target, id) : undefined;
  }
}

interface Listed {
  sourceId: SourceId;
  row: ListRow;
}

/** Every item's links, keyed by `crossLinkKey`; items without any are absent. */
export function crossLinks(lists: readonly LinkableList[]): Map<string, ItemLinks> {
  // Where each target is listed: target type → match key → its rows, in list order.
  const listed = new Map<CrossLinkTarget, Map<string, Listed[]>>();
  // A target's place in each list (its first, should a list hold it twice); a reverse index keeps every row.
  const place = (index: Map<string, Listed[]>, key: string, entry: Listed) => {
    const entries = index.get(key);
    if (!entries) index.set(key, [entry]);
    else if (!entries.some((known) => known.sourceId === entry.sourceId)) entries.push(entry);
  };
  const add = (index: Map<string, Listed[]>, key: string, entry: Listed) => {
    const entries = index.get(key);
    if (!entries) index.set(key, [entry]);
    else entries.push(entry);
  };
  // Reverse indexes: who names a target in their own data.
  const papersByRepo = new Map<string, Listed[]>();
  const citersByPaper = new Map<string, Listed[]>();
  const derivativesByBase = new Map<string, Listed[]>();
  const spacesByModel = new Map<string, Listed[]>();
  const modelsByDataset = new Map<string, Listed[]>();

  for (const list of lists) {
    const target = TARGET_OF[list.sourceId];
    if (!target) continue;
    const byId = listed.get(target) ?? new Map<string, Listed[]>();
    listed.set(target, byId);
    for (const row of list.rows) {
      if (typeof row.itemId !== 'string' || !urlOf(target, row.itemId)) continue;
      const entry = { sourceId: list.sourceId, row };
      place(byId, matchKey(target, row.itemId), entry);
      if (target === 'paper') {
        const repo = codeOf(row);
        if (repo) add(papersByRepo, repo.toLowerCase(), entry);
      }
      if (target === 'model' || target === 'dataset') for (const paper of arxivIdsOf(row.item)) add(citersByPaper, paper, entry);
      if (target === 'model') {
        const base = baseModelOf(row.item);
        if (base) add(derivativesByBase, base.toLowerCase(), entry);
        for (const dataset of datasetIdsOf(row.item)) add(modelsByDataset, dataset.toLowerCase(), entry);
      }
      if (target === 'space') for (const model of row.item.models ?? []) add(spacesByModel, model.toLowerCase(), entry);
    }
  }

  const ranksOf = (target: CrossLinkTarget, id: string) =>
    (listed.get(target)?.get(matchKey(target, id)) ?? []).map(({ sourceId, row }) => ({ sourceId, rank: row.rank }));
  const idOf = (target: CrossLinkTarget, id: string) => listed.get(target)?.get(matchKey(target, id))?.[0]?.row.itemId ?? id;

  const result = new Map<string, ItemLinks>();
  for (const list of lists) {
    const own = TARGET_OF[list.sourceId];
    if (!own) continue;
    for (const row of list.rows) {
      if (typeof row.itemId !== 'string' || !urlOf(own, row.itemId)) continue;
      const found = new LinkSet();
      const link = (kind: CrossLinkKind, target: CrossLinkTarget, named: string, onlyListed: boolean, via?: string) => {
        const ranks = ranksOf(target, named);
        if (onlyListed && ranks.length === 0) return;
        const id = idOf(target, named);
        const url = urlOf(target, id);
        if (url) found.add({ kind, target, id, url, ranks, ...(via !== undefined ? { via } : {}) });
      };
      const linkListed = (kind: CrossLinkKind, entries: readonly Listed[] | undefined, via?: string) => {
        for (const { sourceId, row: other } of entries ?? []) link(kind, TARGET_OF[sourceId], other.itemId, true, via);
      };
      // A model's or a dataset's papers (listed ones), and through each its code.
      const papersAndCode = () => {
        for (const paperId of arxivIdsOf(row.item)) {
          link('paper', 'paper', paperId, true);
          const paper = listed.get('paper')?.get(paperId)?.[0]?.row;
          const repo = paper ? codeOf(paper) : undefined;
          if (paper && repo) link('code', 'repository', repo, false, paper.itemId);
        }
      };
      switch (own) {
        case 'paper': {
          const repo = codeOf(row);
          if (repo) link('code', 'repository', repo, false);
          for (const { sourceId, row: citer } of citersByPaper.get(unversioned(row.itemId)) ?? []) link(sourceId === 'hf-models' ? 'model' : 'dataset', TARGET_OF[sourceId], citer.itemId, true);
          break;
        }
        case 'repository': {
          const papers = papersByRepo.get(row.itemId.toLowerCase()) ?? [];
          linkListed('paper', papers);
          for (const { row: paper } of papers) linkListed('model', (citersByPaper.get(unversioned(paper.itemId)) ?? []).filter((entry) => entry.sourceId === 'hf-models'), paper.itemId);
          break;
        }
        case 'model': {
          const base = baseModelOf(row.item);
          if (base) link('base', 'model', base, false);
          papersAndCode();
          linkListed('derivative', derivativesByBase.get(row.itemId.toLowerCase()));
          for (const dataset of datasetIdsOf(row.item)) link('dataset', 'dataset', dataset, true);
          linkListed('space', spacesByModel.get(row.itemId.toLowerCase()));
          break;
        }
        case 'dataset':
          papersAndCode();
          linkListed('model', modelsByDataset.get(row.itemId.toLowerCase()));
          break;
        case 'space':
          for (const model of row.item.models ?? []) link('model', 'model', model, true);
          break;
      }
      const links = found.done();
      if (links.links.length > 0) result.set(crossLinkKey(list.sourceId, row.itemId), links);
    }
  }
  return result;
}

/** A paper's code repository as its `codeUrl` names it (`owner/repo`, validated), if any. */
function codeOf(row: ListRow): string | undefined {
  return codeRepositoryNameOf(row.item);
}

/** An item's links: one per target, in the order found, held to the bounds. */
class LinkSet {
  private readonly links: CrossLink[] = [];
  private readonly seen = new Set<string>();
  private readonly perKind = new Map<CrossLinkKind, number>();
  private omitted = 0;

  add(link: CrossLink): void {
    const key = `${link.target} ${matchKey(link.target, link.id)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const count = this.perKind.get(link.kind) ?? 0;
    if (count >= MAX_LINKS_PER_KIND || this.links.length >= MAX_LINKS_PER_ITEM) {
      this.omitted += 1;
      return;
    }
    this.perKind.set(link.kind, count + 1);
    this.links.push(link);
  }

  done(): ItemLinks {
    return { links: this.links, omitted: this.omitted };
  }
}

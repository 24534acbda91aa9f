import * as v from 'valibot';
import type { Source, TrendingItem } from './contract';
import { count, optionalText, parseJsonList, tagList } from './json';
import { githubFullNameFromUrl, githubRepoUrl, huggingFacePaperUrl, isArxivId } from '../shared/links';
import { SOURCE_INFO } from './info';

/**
 * Hugging Face's daily papers: arXiv papers the community submitted to
 * huggingface.co/papers, in the API's own order (which is the page's order; the
 * rank is the position). Each entry is `{paper: {id (arXiv), authors[{name}],
 * publishedAt, submittedOnDailyAt, title, summary, upvotes, githubRepo?…},
 * publishedAt, title, summary, numComments…}` (api-facts.md). The paper object is
 * read first; the entry's own copies of title, summary and upvotes stand in when
 * the paper lacks them.
 */
export const HF_PAPERS_LIMIT = 50;

const PaperSchema = v.object({
  paper: v.object({
    // The link is built from it, so it rejects the entry (lib/links.ts).
    id: v.pipe(v.string(), v.check(isArxivId, 'not an arXiv id')),
    title: optionalText,
    summary: optionalText,
    authors: tagList,
    upvotes: count,
    submittedOnDailyAt: optionalText,
    githubRepo: optionalText,
  }),
  title: optionalText,
  summary: optionalText,
  upvotes: count,
});

/** Titles and abstracts come with arXiv's hard line breaks and indents; one space each. */
function collapse(text: string | null | undefined): string | undefined {
  const collapsed = text?.replace(/\s+/g, ' ').trim();
  return collapsed || undefined;
}

/** Author names in order; an entry without a usable name is skipped, not the paper. */
function authorNames(authors: unknown[] | undefined): string[] {
  const names: string[] = [];
  for (const author of authors ?? []) {
    const name = typeof author === 'object' && author !== null && 'name' in author ? author.name : undefined;
    const collapsed = typeof name === 'string' ? collapse(name) : undefined;
    if (collapsed) names.push(collapsed);
  }
  return names;
}

export const hfPapers: Source = {
  id: 'hf-papers',
  label: SOURCE_INFO['hf-papers'].label,
  limit: HF_PAPERS_LIMIT,
  request: () => ({
    url: `https://huggingface.co/api/daily_papers?limit=${HF_PAPERS_LIMIT}`,
    headers: { accept: 'application/json' },
  }),
  parse: (body) =>
    parseJsonList(body, PaperSchema, (entry): TrendingItem => {
      const { paper } = entry;
      const item: TrendingItem = {
        id: paper.id,
        // Plain text: markup in a title stays characters for the view to print (engineering.md).
        name: collapse(paper.title) ?? collapse(entry.title) ?? paper.id,
        url: huggingFacePaperUrl(paper.id),
        metrics: {},
      };
      // Kept whole: each view truncates to the room it has.
      const description = collapse(paper.summary) ?? collapse(entry.summary);
      if (description) item.description = description;
      const authors = authorNames(paper.authors);
      if (authors.length) item.authors = authors;
      const upvotes = paper.upvotes ?? entry.upvotes;
      if (upvotes !== undefined) item.metrics.upvotes = upvotes;
      // Two dates come back (api-facts.md, pitfall 6): the entry's `publishedAt`
      // (and `paper.publishedAt`) is the arXiv date, `paper.submittedOnDailyAt` the
      // day the paper appeared on the daily list. This source is that list, so its
      // date is the one that says "today's papers" or "this week's" (Weekend Reading);
      // the arXiv date trails it by days or more (recorded fixture: arXiv dates 1–9 July,
      // featured 10 and 13 July). No fallback to the arXiv date: it means something else.
      if (paper.submittedOnDailyAt) item.publishedAt = paper.submittedOnDailyAt;
      // Only a github.com repository, rebuilt from its validated owner/repo; any
      // other link the submitter typed (`javascript:`, a foreign host) is left out.
      const codeRepo = paper.githubRepo ? githubFullNameFromUrl(paper.githubRepo) : undefined;
      if (codeRepo) item.codeUrl = githubRepoUrl(codeRepo);
      return item;
    }, { limit: HF_PAPERS_LIMIT }),
};

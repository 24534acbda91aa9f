import type { SourceId } from '@/lib/sources/ids';
import { HUGE, type Payload } from './hostile-payloads';

/**
 * Responses for every source, shaped like the real ones (api-facts.md), with a
 * hostile payload (tests/support/hostile-payloads.ts) in every field of one
 * class: text payloads in every text and date field, number payloads in every
 * number field, list payloads in every list. Without a payload, or in fields of
 * another class, each field has a plain value, so that the lists are real
 * enough to make an issue with movers, tools and papers.
 *
 * Written by hand for this project: no recording is copied.
 */

export type FieldKind = 'text' | 'date' | 'number' | 'list';

/** The fields of each source's response that carry a payload, as the response names them. */
export const HOSTILE_FIELDS: Record<SourceId, readonly { field: string; kind: FieldKind }[]> = {
  'hf-models': [
    { field: 'pipeline_tag', kind: 'text' },
    { field: 'library_name', kind: 'text' },
    { field: 'tags[]', kind: 'text' },
    { field: 'createdAt', kind: 'date' },
    { field: 'likes', kind: 'number' },
    { field: 'downloads', kind: 'number' },
    { field: 'trendingScore', kind: 'number' },
    { field: 'tags', kind: 'list' },
  ],
  'hf-datasets': [
    { field: 'tags[] (task_categories:…)', kind: 'text' },
    { field: 'tags[]', kind: 'text' },
    { field: 'createdAt', kind: 'date' },
    { field: 'likes', kind: 'number' },
    { field: 'downloads', kind: 'number' },
    { field: 'trendingScore', kind: 'number' },
    { field: 'tags', kind: 'list' },
  ],
  'hf-spaces': [
    { field: 'sdk', kind: 'text' },
    { field: 'tags[]', kind: 'text' },
    { field: 'createdAt', kind: 'date' },
    { field: 'likes', kind: 'number' },
    { field: 'trendingScore', kind: 'number' },
    { field: 'tags', kind: 'list' },
  ],
  'hf-papers': [
    { field: 'paper.title', kind: 'text' },
    { field: 'paper.summary', kind: 'text' },
    { field: 'paper.authors[].name', kind: 'text' },
    { field: 'paper.githubRepo', kind: 'text' },
    { field: 'title', kind: 'text' },
    { field: 'summary', kind: 'text' },
    { field: 'paper.submittedOnDailyAt', kind: 'date' },
    { field: 'paper.upvotes', kind: 'number' },
    { field: 'upvotes', kind: 'number' },
    { field: 'paper.authors', kind: 'list' },
  ],
  'gh-trending-daily': [
    { field: 'p (description)', kind: 'text' },
    { field: '[itemprop=programmingLanguage]', kind: 'text' },
    { field: 'stargazers link text', kind: 'number' },
    { field: 'forks link text', kind: 'number' },
    { field: '"… stars today" span', kind: 'number' },
  ],
  'gh-trending-weekly': [
    { field: 'p (description)', kind: 'text' },
    { field: '[itemprop=programmingLanguage]', kind: 'text' },
    { field: 'stargazers link text', kind: 'number' },
    { field: 'forks link text', kind: 'number' },
    { field: '"… stars this week" span', kind: 'number' },
  ],
  'gh-search': [
    { field: 'description', kind: 'text' },
    { field: 'language', kind: 'text' },
    { field: 'topics[]', kind: 'text' },
    { field: 'created_at', kind: 'date' },
    { field: 'stargazers_count', kind: 'number' },
    { field: 'forks_count', kind: 'number' },
    { field: 'topics', kind: 'list' },
  ],
};

/** Which fields of one response take the payload, and how it is shared out. */
export interface Placement {
  payload: Payload;
  /**
   * For a huge text payload (HUGE code units or more): only one item
   * carries it, in the text and date fields whose index has this parity, so
   * that no response holds more than four copies and stays under the 5 MB
   * body cap (issue #9). Runs with part 0 and part 1 cover every field.
   */
  part?: 0 | 1;
}

export interface ResponseOptions {
  /** Items in the response. */
  count: number;
  /** Epoch ms of the fetch: dates in the response are a little before it. */
  at: number;
  /** The second day's response: the order turns round and counts grow, so the issue has climbers and growth. */
  later: boolean;
  placement?: Placement;
}

/** Numbers are written as a marker and swapped for the payload's JSON text once the body is a string. */
const NUMBER_MARK = '\u0001hostile-number\u0001';

/**
 * What goes in one field of one item: the payload when this field takes it,
 * else `plain`. `index` is the field's position among the source's text and
 * date fields (for huge payloads); dates take a text payload on odd items
 * only, so that half the items keep a real date (GitHub's search rows without
 * one are not shown as new, and papers without one are not this week's).
 */
class Filler {
  constructor(
    private readonly placement: Placement | undefined,
    private readonly item: number,
  ) {}

  private takesText(index: number, date: boolean): string | undefined {
    const payload = this.placement?.payload;
    if (payload?.kind !== 'text') return undefined;
    if (date && this.item % 2 === 0) return undefined;
    // A huge payload goes in one item: the first, or for a date the second (dates take text payloads on odd items).
    if (payload.value.length >= HUGE) {
      if (this.item !== (date ? 1 : 0) || index % 2 !== (this.placement!.part ?? 0)) return undefined;
    }
    return payload.value;
  }

  text(index: number, plain: string): string {
    return this.takesText(index, false) ?? plain;
  }

  date(index: number, plain: string): string {
    return this.takesText(index, true) ?? plain;
  }

  number(plain: number): number | string {
    return this.placement?.payload.kind === 'number' ? NUMBER_MARK : plain;
  }

  list(plain: string[]): string[] {
    return this.placement?.payload.kind === 'list' ? this.placement.payload.values : plain;
  }
}

function json(value: unknown, placement: Placement | undefined): string {
  const body = JSON.stringify(value);
  return placement?.payload.kind === 'number' ? body.replaceAll(JSON.stringify(NUMBER_MARK), placement.payload.json) : body;
}

/** The response body of `sourceId` with `options.placement` in its fields. */
export function hostileResponse(sourceId: SourceId, options: ResponseOptions): string {
  const { count, at, later, placement } = options;
  const order = Array.from({ length: count }, (_, index) => (later ? count - 1 - index : index));
  const grow = (base: number, item: number) => base + (later ? 40 * (item + 1) : 0);
  const iso = (hoursBefore: number) => new Date(at - hoursBefore * 3_600_000).toISOString();
  switch (sourceId) {
    case 'hf-models':
      return json(
        order.map((item) => {
          const fill = new Filler(placement, item);
          return {
            _id: `64f0c0ffee${String(item).padStart(14, '0')}`,
            id: `llm-lab/model-${item}`,
            likes: fill.number(grow(1_000 - item * 50, item)),
            downloads: fill.number(grow(90_000 - item * 1_000, item)),
            trendingScore: fill.number(grow(300 - item * 10, item)),
            private: false,
            pipeline_tag: fill.text(0, 'text-generation'),
            library_name: fill.text(1, 'transformers'),
            tags: fill.list(['transformers', 'safetensors', fill.text(2, 'text-generation'), 'region:us']),
            createdAt: fill.date(3, iso(24 * (30 + item))),
          };
        }),
        placement,
      );
    case 'hf-datasets':
      return json(
        order.map((item) => {
          const fill = new Filler(placement, item);
          return {
            _id: `64f0da7a${String(item).padStart(16, '0')}`,
            id: `llm-lab/dataset-${item}`,
            likes: fill.number(grow(500 - item * 20, item)),
            downloads: fill.number(grow(20_000 - item * 500, item)),
            trendingScore: fill.number(grow(120 - item * 5, item)),
            tags: fill.list([`task_categories:${fill.text(0, 'text-generation')}`, fill.text(1, 'language:en'), 'size_categories:10K<n<100K']),
            createdAt: fill.date(2, iso(24 * (20 + item))),
          };
        }),
        placement,
      );
    case 'hf-spaces':
      return json(
        order.map((item) => {
          const fill = new Filler(placement, item);
          return {
            _id: `64f05ace${String(item).padStart(16, '0')}`,
            id: `llm-lab/space-${item}`,
            likes: fill.number(grow(700 - item * 30, item)),
            trendingScore: fill.number(grow(200 - item * 8, item)),
            private: false,
            sdk: fill.text(0, 'gradio'),
            tags: fill.list(['gradio', fill.text(1, 'mcp-server'), 'region:us']),
            createdAt: fill.date(2, iso(24 * (10 + item))),
          };
        }),
        placement,
      );
    case 'hf-papers':
      return json(
        order.map((item) => {
          const fill = new Filler(placement, item);
          const authors = fill.list(['Ada Lovelace', fill.text(2, 'Alan Turing'), 'Grace Hopper', 'Edsger Dijkstra']);
          return {
            paper: {
              id: `2611.${10_000 + item}`,
              authors: authors.map((name) => ({ _id: 'a', name, hidden: false })),
              publishedAt: iso(24 * 3),
              submittedOnDailyAt: fill.date(6, iso(2 + item)),
              title: fill.text(0, `Scaling reasoning in language models, part ${item}`),
              summary: fill.text(1, 'We study how language models reason. Our results hold at every scale we tried.'),
              upvotes: fill.number(grow(80 - item * 5, item)),
              githubRepo: fill.text(3, `https://github.com/llm-lab/paper-code-${item}`),
            },
            publishedAt: iso(24 * 3),
            title: fill.text(4, `Scaling reasoning in language models, part ${item}`),
            summary: fill.text(5, 'We study how language models reason.'),
            upvotes: fill.number(grow(80 - item * 5, item)),
            numComments: 2,
            isAuthorParticipating: false,
          };
        }),
        placement,
      );
    case 'gh-search':
      return json(
        {
          total_count: count,
          incomplete_results: false,
          items: order.map((item) => {
            const fill = new Filler(placement, item);
            const name = `llm-lab/agent-${item}`;
            return {
              full_name: name,
              html_url: `https://github.com/${name}`,
              description: fill.text(0, 'An LLM agent framework for machine learning research.'),
              language: fill.text(1, 'Python'),
              topics: fill.list(['llm', fill.text(2, 'ai-agents'), 'machine-learning']),
              created_at: fill.date(3, iso(24 * (2 + item))),
              stargazers_count: fill.number(grow(900 - item * 40, item)),
              forks_count: fill.number(grow(60 - item * 3, item)),
              owner: { login: 'llm-lab' },
            };
          }),
        },
        placement,
      );
    case 'gh-trending-daily':
    case 'gh-trending-weekly':
      return trendingPage(sourceId === 'gh-trending-daily' ? 'today' : 'this week', order, placement, grow);
  }
}

/** GitHub escapes what a repository's owner typed; so does this page, so that the payload arrives as the text it is. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A trending page in the 2025–26 markup (shared/fixtures/README.md): an `article.Box-row` per repository. */
function trendingPage(period: 'today' | 'this week', order: number[], placement: Placement | undefined, grow: (base: number, item: number) => number): string {
  const figure = (plain: number) => (placement?.payload.kind === 'number' ? escapeHtml(placement.payload.json) : plain.toLocaleString('en-US'));
  const rows = order.map((item) => {
    const fill = new Filler(placement, item);
    const name = `llm-lab/${period === 'today' ? 'daily' : 'weekly'}-${item}`;
    return `
    <article class="Box-row">
      <h2 class="h3 lh-condensed"><a data-view-component="true" class="Link" href="/${name}">
        <span class="text-normal">llm-lab /</span> ${name.split('/')[1]}</a></h2>
      <p class="col-9 color-fg-muted my-1 tmp-pr-4">${escapeHtml(fill.text(0, 'Run large language models locally: an LLM inference engine.'))}</p>
      <div class="f6 color-fg-muted mt-2">
        <span class="d-inline-block ml-0 mr-3"><span class="repo-language-color"></span>
          <span itemprop="programmingLanguage">${escapeHtml(fill.text(1, 'Rust'))}</span></span>
        <a class="Link Link--muted d-inline-block mr-3" href="/${name}/stargazers">${figure(grow(5_000 - item * 300, item))}</a>
        <a class="Link Link--muted d-inline-block mr-3" href="/${name}/forks">${figure(grow(400 - item * 20, item))}</a>
        <span class="d-inline-block float-sm-right">${figure(grow(600 - item * 40, item))} stars ${period}</span>
      </div>
    </article>`;
  });
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Trending repositories on GitHub ${period}</title></head>
<body><main><div class="Box">${rows.join('')}
</div></main></body>
</html>
`;
}

import type { SourceId } from './ids';

/**
 * The one contract every source module meets (engineering.md, habit 1).
 * A source knows where its list lives and how to read it; it never touches
 * the network, the clock or storage itself — `lib/fetch-source.ts` does the
 * request and `lib/refresh.ts` stores the result.
 */
export interface Source {
  readonly id: SourceId;
  /** What the reader calls it: "Hugging Face models". */
  readonly label: string;
  /**
   * How many items the request asks for: the `limit` or `per_page` of its URL,
   * or, for a page with no such parameter, the most it shows (GitHub trending:
   * 25 rows). lib/sources/bound.ts keeps no more than this (issue #9: "items ≤
   * the requested limit").
   */
  readonly limit: number;
  /** The request to make. `context.now` dates queries such as GitHub's `created:>…`. */
  request(context: RequestContext): SourceRequest;
  /**
   * Turn a response body into validated items, in the source's own rank order.
   * Throws a `SourceError` of kind `parse` when the body is not the promised
   * shape, or when nothing usable is left: an empty parse is an error, never an
   * empty list (product.md, "Scrapers break when GitHub changes its markup").
   */
  parse(body: string): ParsedList;
}

export interface RequestContext {
  /** Epoch ms. */
  now: number;
  // No credentials: the reader's GitHub token is added by lib/background/fetch-source.ts
  // to a request for https://api.github.com only, after it checks the URL a source built,
  // so no source can send it anywhere else (issue #9, finding 7).
}

export interface SourceRequest {
  url: string;
  headers?: Record<string, string>;
}

export interface ParsedList {
  items: TrendingItem[];
  /** Items in the response that failed validation and were left out. */
  dropped: number;
}

/**
 * One entry of a trending list, the same shape for every source so that
 * history, movers and views are written once.
 */
export interface TrendingItem {
  /** The source's own id: `org/name` on Hugging Face, `owner/repo` on GitHub. */
  id: string;
  /** Display name. */
  name: string;
  /** An https link built from the validated id (lib/links.ts), never taken from the response. */
  url: string;
  description?: string;
  /** Hugging Face pipeline tag, e.g. `text-generation`. */
  task?: string;
  /** Hugging Face `library_name`, e.g. `transformers`. */
  library?: string;
  /** A Space's SDK: `gradio`, `docker`, `static`, `streamlit`. */
  sdk?: string;
  /** Programming language of a GitHub repository. */
  language?: string;
  /** Hugging Face tags, or GitHub topics. */
  tags?: string[];
  /** Paper authors, in order. */
  authors?: string[];
  /**
   * A Space's models: Hugging Face model ids, validated, at most MAX_SPACE_MODELS. Only when the response lists
   * them: the Hub's default list items carry none (api-facts.md), so the cross-source links (issue #12) link a Space
   * to a model only when its served item has a `models` array.
   */
  models?: string[];
  /** A paper's code repository, built from a validated `owner/repo` (https://github.com/…). */
  codeUrl?: string;
  /** ISO timestamps, as the source gives them. */
  createdAt?: string;
  publishedAt?: string;
  /** Numbers that move: likes, downloads, trendingScore, stars… Absent when the source did not send them. */
  metrics: Partial<Record<MetricName, number>>;
}

export type MetricName = 'likes' | 'downloads' | 'trendingScore' | 'stars' | 'forks' | 'starsInPeriod' | 'upvotes';

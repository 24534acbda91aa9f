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
  /** The request to make. */
  request(): SourceRequest;
  /**
   * Turn a response body into validated items, in the source's own rank order.
   * Throws a `SourceError` of kind `parse` when the body is not the promised
   * shape, or when nothing usable is left: an empty parse is an error, never an
   * empty list (product.md, "Scrapers break when GitHub changes its markup").
   */
  parse(body: string): ParsedList;
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
  library?: string;
  language?: string;
  tags?: string[];
  createdAt?: string;
  /** Numbers that move: likes, downloads, trendingScore, stars… Absent when the source did not send them. */
  metrics: Partial<Record<MetricName, number>>;
}

export type MetricName = 'likes' | 'downloads' | 'trendingScore' | 'stars' | 'forks' | 'starsInPeriod' | 'upvotes';

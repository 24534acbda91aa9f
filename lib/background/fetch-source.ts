import type { ParsedList, Source } from '../sources/contract';
import { SourceError } from '../sources/errors';
import { boundList } from '../sources/bound';
import { errorMessage } from '../shared/error-message';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchSourceOptions {
  fetch: FetchLike;
  /** Epoch ms now; used to turn Retry-After into a time. */
  now: number;
  /** Give up after this long (a worker is stopped after ~30 s idle, MV3). */
  timeoutMs?: number;
  githubToken?: string;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Request one source and parse its response. Every failure becomes a
 * `SourceError` with a reader-facing message; nothing else is thrown.
 */
export async function fetchSource(source: Source, options: FetchSourceOptions): Promise<ParsedList> {
  const { url, headers } = source.request({
    now: options.now,
    ...(options.githubToken ? { githubToken: options.githubToken } : {}),
  });
  const where = describeUrl(url);
  let response: Response;
  try {
    response = await options.fetch(url, {
      headers,
      // The extension never sends cookies: no account is needed and none is used (product.md, private by design).
      credentials: 'omit',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new SourceError({ kind: 'timeout', message: `${where} did not answer in time` });
    }
    throw new SourceError({ kind: 'network', message: `could not reach ${where} (${errorMessage(error)})` });
  }

  if (!response.ok) {
    const retryAfterAt = retryAfterFrom(response.headers, options.now);
    const limited =
      response.status === 429 ||
      (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0');
    throw new SourceError({
      kind: limited ? 'rate-limited' : 'http',
      status: response.status,
      message: limited
        ? `${where} is rate limiting us (HTTP ${response.status})`
        : `${where} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      ...(retryAfterAt !== undefined ? { retryAfterAt } : {}),
    });
  }

  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    // A body cut off mid-stream (connection reset, timeout while reading).
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new SourceError({ kind: 'timeout', message: `${where} stopped sending before the end` });
    }
    throw new SourceError({ kind: 'network', message: `the response from ${where} was cut off (${errorMessage(error)})` });
  }
  try {
    return boundList(source.parse(body), source.limit);
  } catch (error) {
    if (error instanceof SourceError) {
      throw new SourceError({ ...error.failure, message: `${where}: ${error.failure.message}` });
    }
    throw new SourceError({ kind: 'parse', message: `${where}: could not read the response (${errorMessage(error)})` });
  }
}

/**
 * When the server says we may call again, as epoch ms.
 * - `Retry-After`: seconds or an HTTP date (RFC 9110 §10.2.3).
 * - Hugging Face: `RateLimit: "api";r=0;t=<seconds until the window resets>` (hub-docs rate-limits.md).
 * - GitHub: `x-ratelimit-reset`, epoch seconds, with `x-ratelimit-remaining: 0`.
 */
export function retryAfterFrom(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return now + Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(now, date);
  }
  const rateLimit = headers.get('ratelimit');
  const reset = rateLimit && /(?:^|;)\s*t=(\d+)/.exec(rateLimit)?.[1];
  if (reset) return now + Number(reset) * 1000;
  if (headers.get('x-ratelimit-remaining') === '0') {
    const epochSeconds = Number(headers.get('x-ratelimit-reset'));
    if (Number.isFinite(epochSeconds) && epochSeconds > 0) return Math.max(now, epochSeconds * 1000);
  }
  return undefined;
}

function describeUrl(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`;
}

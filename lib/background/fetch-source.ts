import type { ParsedList, Source } from '../sources/contract';
import { SourceError } from '../sources/errors';
import { clampServerWait, MAX_BODY_BYTES } from '../shared/limits';
import { isPlausibleGithubToken } from '../shared/secrets';
import { boundList } from '../sources/bound';
import type { SourceStatus } from '../shared/records';
import { conditionalHeaders, validatorsFrom } from '../shared/validators';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchSourceOptions {
  fetch: FetchLike;
  /** Epoch ms now; used to turn Retry-After into a time. */
  now: number;
  /** Give up after this long (a worker is stopped after ~30 s idle, MV3). */
  timeoutMs?: number;
  /**
   * The reader's GitHub token (options, storage.local). Sources never see it:
   * fetchSource adds it to a request for https://api.github.com and no other
   * (issue #9, finding 7), after checking the URL the source built.
   */
  githubToken?: string;
}

/** What a request may be conditional on (issue #12): the source's stored status and the time of its latest stored list. */
export interface ConditionalOptions {
  status?: SourceStatus | undefined;
  /** The `fetchedAt` of the source's latest stored list; undefined when none is stored (then nothing is conditional). */
  latestListAt?: number | undefined;
}

/**
 * A source's answer: a new list, with the validators it came with (kept for its URL), or `304 Not Modified` to a
 * conditional request — the stored list stands.
 */
export type FetchOutcome =
  | { kind: 'list'; url: string; list: ParsedList; validators?: { etag?: string; lastModified?: string } }
  | { kind: 'not-modified'; url: string };

/** The one host a GitHub token is sent to: the REST API (search raises to 30 requests a minute with it, api-facts.md). */
export const GITHUB_TOKEN_HOST = 'api.github.com';

export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Request one source and parse its response. Every failure becomes a
 * `SourceError` with a reader-facing message; nothing else is thrown.
 *
 * A message is the extension's own words built from facts it checked: the
 * host and path it asked, the status code, what went wrong. Never text the
 * server chose (a status text, the start of a body, a page title) nor an
 * error's own message, which may quote the body (V8's JSON.parse does): a
 * server must not speak to the reader as if the extension said it (issue #9,
 * finding 6).
 */
export async function fetchSource(source: Source, options: FetchSourceOptions): Promise<ParsedList> {
  const outcome = await fetchSourceOutcome(source, options);
  // Never: nothing was conditional, and a 304 to an unconditional request is refused below.
  if (outcome.kind !== 'list') throw new SourceError({ kind: 'http', status: 304, message: `${new URL(outcome.url).host} answered 304 Not Modified to a request that was not conditional` });
  return outcome.list;
}

/**
 * `fetchSource`, conditional where the source's stored status allows
 * (lib/shared/validators.ts `conditionalHeaders`: the same URL, its list still
 * stored). A 304 is believed only as the answer to a conditional request for
 * the URL asked; to any other request it is an error in the extension's words.
 *
 * `cache: 'no-store'`: the browser's HTTP cache neither answers nor stores
 * these requests. The Fetch standard already treats a request with an
 * author's `If-None-Match` / `If-Modified-Since` as `no-store` (HTTP-network-
 * or-cache fetch, step "If httpRequest's cache mode is default and its header
 * list contains …"), so a 304 reaches the extension as a 304 rather than being
 * turned into the cache's 200; set on every request, the first (unconditional)
 * one cannot be answered from a stale cached copy or revalidated behind our
 * back either, and the request counts (issue #12) count what went to the
 * network.
 */
export async function fetchSourceOutcome(source: Source, options: FetchSourceOptions & ConditionalOptions): Promise<FetchOutcome> {
  const { url, headers } = source.request({ now: options.now });
  const target = new URL(url);
  const where = `${target.host}${target.pathname}`;
  const token = tokenFor(target, options.githubToken);
  const conditional = conditionalHeaders(options.status, url, options.latestListAt);
  const isConditional = Object.keys(conditional).length > 0;
  // One budget for the whole exchange: the answer and every byte of its body
  // (a server that trickles bytes forever is cut when it runs out).
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  try {
    response = await options.fetch(url, {
      headers: token ? { ...headers, ...conditional, authorization: `Bearer ${token}` } : { ...headers, ...conditional },
      cache: 'no-store',
      // The extension never sends cookies: no account is needed and none is used (product.md, private by design).
      credentials: 'omit',
      // A request carrying the token follows no redirect: it could take the token's
      // request elsewhere, and api.github.com's search never redirects (issue #9, finding 7).
      ...(token ? { redirect: 'error' as const } : {}),
      signal,
    });
  } catch (error) {
    if (isAbort(error)) {
      throw new SourceError({ kind: 'timeout', message: `${where} did not answer in time` });
    }
    throw new SourceError({
      kind: 'network',
      // fetch fails the same way on a refused redirect as on a lost connection.
      message: token ? `could not reach ${where}, or it answered with a redirect, which a request carrying the GitHub token never follows` : `could not reach ${where}`,
    });
  }

  // The answer must come from the host we asked: a redirect to another site
  // (followed by fetch for requests without the token) is not read. An empty
  // `url` (some fetch implementations and fakes) says nothing, and passes.
  if (response.url && !sameSite(response.url, target)) {
    cancelBody(response);
    throw new SourceError({ kind: 'http', message: `${where} redirected to another site, which the extension does not read` });
  }

  if (response.status === 304) {
    cancelBody(response);
    // Kept only when we asked "has it changed since?" of this very URL; otherwise there is nothing it could keep.
    if (isConditional && (!response.url || response.url === url)) return { kind: 'not-modified', url };
    throw new SourceError({
      kind: 'http',
      status: 304,
      message: isConditional
        ? `${where} answered 304 Not Modified for another address than the one asked`
        : `${where} answered 304 Not Modified to a request that was not conditional`,
    });
  }

  if (!response.ok) {
    cancelBody(response);
    const retryAfterAt = retryAfterFrom(response.headers, options.now);
    const limited =
      response.status === 429 ||
      (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0');
    throw new SourceError({
      kind: limited ? 'rate-limited' : 'http',
      status: response.status,
      message: limited
        ? `${where} is rate limiting us (HTTP ${response.status})`
        : `${where} answered HTTP ${response.status}`,
      ...(retryAfterAt !== undefined ? { retryAfterAt } : {}),
    });
  }

  let body: string;
  try {
    body = await readBody(response, signal);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      throw new SourceError({ kind: 'parse', message: `${where}: the response was larger than ${MAX_BODY_MB} MB, the most the extension reads` });
    }
    // A body cut off mid-stream (connection reset, timeout while reading).
    if (isAbort(error)) {
      throw new SourceError({ kind: 'timeout', message: `${where} stopped sending before the end` });
    }
    throw new SourceError({ kind: 'network', message: `the response from ${where} was cut off` });
  }
  let list: ParsedList;
  try {
    list = boundList(source.parse(body), source.limit);
  } catch (error) {
    if (error instanceof SourceError) {
      throw new SourceError({ ...error.failure, message: `${where}: ${error.failure.message}` });
    }
    throw new SourceError({ kind: 'parse', message: `${where}: could not read the response` });
  }
  // The validators as they may be sent back (bounded: lib/shared/validators.ts); the list time is the caller's.
  const kept = validatorsFrom(response.headers, url, 0);
  const validators = kept && { ...(kept.etag !== undefined ? { etag: kept.etag } : {}), ...(kept.lastModified !== undefined ? { lastModified: kept.lastModified } : {}) };
  return { kind: 'list', url, list, ...(validators ? { validators } : {}) };
}

/**
 * When the server says we may call again, as epoch ms, clamped to at most a
 * day ahead (`clampServerWait`, lib/shared/limits.ts: a 400-digit value once
 * stored `Infinity` and the source never refreshed again, issue #9 finding 1).
 * - `Retry-After`: seconds or an HTTP date (RFC 9110 §10.2.3). A number in
 *   another spelling (`1.5`, `1e400`, `-5`) is read as seconds too, then
 *   clamped: the server meant a wait, and a wait we cannot bound is a day.
 *   Only a value shaped like a date (it has a time of day) is read as one:
 *   `Date.parse` reads `"1.5"` as January 2001.
 * - Hugging Face: `RateLimit: "api";r=0;t=<seconds until the window resets>` (hub-docs rate-limits.md).
 * - GitHub: `x-ratelimit-reset`, epoch seconds, with `x-ratelimit-remaining: 0`.
 * A value that reads as no number or date at all is ignored (undefined), never NaN.
 */
export function retryAfterFrom(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^[+-]?(?:\d|\.\d|Infinity$)/.test(retryAfter)) {
      const seconds = Number(retryAfter);
      if (!Number.isNaN(seconds)) return clampServerWait(now + seconds * 1000, now);
    } else if (/\d:\d\d:\d\d/.test(retryAfter)) {
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) return clampServerWait(date, now);
    }
  }
  const rateLimit = headers.get('ratelimit');
  const reset = rateLimit && /(?:^|[;,])\s*t=(\d+)/.exec(rateLimit)?.[1];
  if (reset) return clampServerWait(now + Number(reset) * 1000, now);
  const resetAt = headers.get('x-ratelimit-reset')?.trim();
  if (headers.get('x-ratelimit-remaining') === '0' && resetAt) {
    const epochSeconds = Number(resetAt);
    if (!Number.isNaN(epochSeconds)) return clampServerWait(epochSeconds * 1000, now);
  }
  return undefined;
}

const MAX_BODY_MB = MAX_BODY_BYTES / (1024 * 1024);

class BodyTooLarge extends Error {}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Let go of a body we will not read, so the connection is not held open for it. */
function cancelBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/**
 * The body as text, at most MAX_BODY_BYTES of it (issue #9, "body ≤ 5 MB read
 * as a stream"): the bytes are counted as they arrive and the stream is
 * cancelled past the limit, so a 100 MB answer costs 5 MB, not 100. A
 * streaming TextDecoder keeps a character split across two chunks whole, and
 * drops a byte-order mark and replaces invalid bytes as `Response.text()` does.
 * Each read also races the time budget, so a body that trickles in forever,
 * or a stream that ignores the abort signal, is cut when the budget runs out.
 * A response without a stream (a fake, an empty body) is read whole and held
 * to the same limit.
 */
async function readBody(response: Response, signal: AbortSignal): Promise<string> {
  const stream = response.body;
  if (!stream) {
    const text = await response.text();
    // A UTF-16 code unit takes 1 to 3 bytes in UTF-8: count them only when it could matter.
    if (text.length * 3 > MAX_BODY_BYTES && new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) throw new BodyTooLarge();
    return text;
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8');
  const aborted = untilAborted(signal);
  const parts: string[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted.promise]);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_BODY_BYTES) throw new BodyTooLarge();
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return parts.join('');
  } catch (error) {
    // Stop the transfer: past the limit, after the budget, or after a read failed.
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    aborted.dispose();
  }
}

/** A promise that rejects with the signal's reason once it aborts; `dispose` stops listening. */
function untilAborted(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  // Nobody may be waiting on it when it rejects (the body was read before the budget ran out).
  promise.catch(() => undefined);
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** The token, when this URL may carry it: https, exactly api.github.com, its default port, no user info. */
function tokenFor(target: URL, githubToken: string | undefined): string | undefined {
  const token = githubToken?.trim();
  if (!token || !isPlausibleGithubToken(token)) return undefined;
  const toApi = target.protocol === 'https:' && target.hostname === GITHUB_TOKEN_HOST && target.port === '' && !target.username && !target.password;
  return toApi ? token : undefined;
}

/** Whether the response's final URL is on the host asked for, over https. */
function sameSite(finalUrl: string, target: URL): boolean {
  try {
    const final = new URL(finalUrl);
    return final.protocol === 'https:' && final.host === target.host;
  } catch {
    return false;
  }
}

import type { SourceStatus, StoredValidators } from './records';

/**
 * Conditional requests (issue #12, "a polite client"): a source that sends an
 * `ETag` or a `Last-Modified` with its list is asked next time with
 * `If-None-Match` / `If-Modified-Since` (RFC 9110 §13.1), and a `304 Not
 * Modified` keeps the stored list without its body being sent again.
 *
 * A validator is a server's string that the extension sends back, so it is
 * bounded where it enters and again where it is read (a stored record may be
 * older or edited): printable ASCII only — nothing that could end a header
 * line or smuggle another — at most `MAX_VALIDATOR_LENGTH` characters, and a
 * Last-Modified must be an HTTP date. A value that fails is ignored: the
 * request is simply unconditional.
 */

/** Longer than any ETag the sources send (GitHub's and Hugging Face's are under 80 characters), short enough to be harmless. */
export const MAX_VALIDATOR_LENGTH = 256;

/** Visible ASCII and the space: no control characters, no CR or LF, nothing outside ASCII. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** RFC 9110 §5.6.7 IMF-fixdate, the form servers must send: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** An ETag as it may be sent back, or undefined. */
export function cleanEtag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const etag = value.trim();
  return etag.length <= MAX_VALIDATOR_LENGTH && PRINTABLE_ASCII.test(etag) ? etag : undefined;
}

/** A Last-Modified as it may be sent back: an IMF-fixdate naming a real time, or undefined. */
export function cleanLastModified(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const date = value.trim();
  if (date.length > MAX_VALIDATOR_LENGTH || !HTTP_DATE.test(date)) return undefined;
  const at = Date.parse(date);
  // `Date.parse` rolls 31 Feb over to March: the date must print back as itself.
  return Number.isFinite(at) && new Date(at).toUTCString() === date ? date : undefined;
}

/** What a 200 response's headers give to keep for its URL, or undefined when they give nothing usable. */
export function validatorsFrom(headers: Headers, url: string, listAt: number): StoredValidators | undefined {
  const etag = cleanEtag(headers.get('etag') ?? undefined);
  const lastModified = cleanLastModified(headers.get('last-modified') ?? undefined);
  if (etag === undefined && lastModified === undefined) return undefined;
  return { url, listAt, ...(etag !== undefined ? { etag } : {}), ...(lastModified !== undefined ? { lastModified } : {}) };
}

/**
 * The conditional headers for a request to `url`, given the source's stored
 * status and the `fetchedAt` of its latest stored list (undefined: none is
 * stored). None unless the validators were given for exactly this URL (GitHub
 * search's URL changes each day with its `created:>` date) and the list they
 * came with is still the latest stored: a 304 must have a list to keep.
 */
export function conditionalHeaders(status: SourceStatus | undefined, url: string, latestListAt: number | undefined): Record<string, string> {
  const stored = status?.validators;
  if (!stored || typeof stored !== 'object' || stored.url !== url || latestListAt === undefined || stored.listAt !== latestListAt) return {};
  const etag = cleanEtag(stored.etag);
  const lastModified = cleanLastModified(stored.lastModified);
  return {
    ...(etag !== undefined ? { 'if-none-match': etag } : {}),
    ...(lastModified !== undefined ? { 'if-modified-since': lastModified } : {}),
  };
}

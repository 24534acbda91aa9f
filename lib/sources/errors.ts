/**
 * Why a source's refresh failed, as data: it is stored, shown to the reader and
 * tested, never only logged. `message` is written for the reader.
 */
export type SourceErrorKind =
  | 'network' // the request never got a response (offline, DNS, TLS, connection reset)
  | 'timeout' // no response within the source's time budget
  | 'http' // a response with a non-2xx status
  | 'rate-limited' // 429, or 403 with x-ratelimit-remaining: 0
  | 'parse' // a 2xx response whose body is not what the source promises
  | 'storage'; // the response was good, but the browser's database refused to keep it (issue #9, finding 9)

export interface SourceFailure {
  kind: SourceErrorKind;
  message: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Epoch ms before which the server asked us not to call again (Retry-After, RateLimit). */
  retryAfterAt?: number;
}

export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(readonly failure: SourceFailure) {
    super(failure.message);
  }
}

export function parseError(message: string): SourceError {
  return new SourceError({ kind: 'parse', message });
}

/** A DOMException's name (`QuotaExceededError`, `UnknownError`…), Dexie's wrapper or its inner error. */
export function storageErrorName(error: unknown): string | undefined {
  const nameOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined);
  for (const name of [nameOf((error as { inner?: unknown } | null)?.inner), nameOf(error)]) {
    // Only a plain identifier is shown: the error's text is not ours to repeat to the reader.
    if (typeof name === 'string' && /^[A-Za-z]{1,60}$/.test(name) && name !== 'Error' && name !== 'DexieError') return name;
  }
  return undefined;
}

export function isQuotaError(error: unknown): boolean {
  const nameOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined);
  return nameOf(error) === 'QuotaExceededError' || nameOf((error as { inner?: unknown } | null)?.inner) === 'QuotaExceededError';
}

/**
 * A database error met while storing a good response, as a failure of its own
 * kind (issue #9, finding 9: it was recorded as the source's network failure).
 * The message is the extension's own words: the source answered; the browser
 * could not keep the answer.
 */
export function storageFailure(error: unknown): SourceFailure {
  if (isQuotaError(error)) {
    return { kind: 'storage', message: "the browser's storage for the extension is full: the new list could not be saved, so the last good one is shown" };
  }
  const name = storageErrorName(error);
  return {
    kind: 'storage',
    message: `the browser's database could not save the new list${name ? ` (${name})` : ''}, so the last good one is shown`,
  };
}

/**
 * Why a source's refresh failed, as data: it is stored, shown to the reader and
 * tested, never only logged. `message` is written for the reader.
 */
export type SourceErrorKind =
  | 'network' // the request never got a response (offline, DNS, TLS, connection reset)
  | 'timeout' // no response within the source's time budget
  | 'http' // a response with a non-2xx status
  | 'rate-limited' // 429, or 403 with x-ratelimit-remaining: 0
  | 'parse'; // a 2xx response whose body is not what the source promises

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

/**
 * Every bound the extension puts on what a server sends, in one place
 * (issue #9: "limits in one place"). A server decides none of these: a body,
 * a list, a string, a count or a wait beyond its bound is cut, refused or
 * clamped where it enters (lib/background/fetch-source.ts, lib/sources/),
 * and read again through the same bounds wherever stored data is used, since
 * a record written by an older version was never bounded.
 */

/** A response body is read as a stream and refused beyond this many bytes (a parse error; the last good list is kept). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * The longest wait a server can impose (Retry-After, RateLimit,
 * x-ratelimit-reset): a day. Beyond it, the wait is clamped, never stored as
 * given: a 400-digit Retry-After once stored `Infinity` and the source never
 * refreshed again (issue #9, finding 1).
 */
export const MAX_SERVER_WAIT_MS = 24 * 60 * 60 * 1000;

/** The largest count a source may report (likes, downloads, stars…): beyond it a value reads as absent. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** A server-imposed "not before" time, clamped to [now, now + MAX_SERVER_WAIT_MS]; NaN reads as now. */
export function clampServerWait(notBefore: number, now: number): number {
  if (Number.isNaN(notBefore)) return now;
  return Math.min(Math.max(notBefore, now), now + MAX_SERVER_WAIT_MS);
}

// ————— ids that links are built from (lib/shared/links.ts; issue #9, "Hostile links") —————
// These are the sites' own bounds on a name, so an id beyond them names nothing
// and is refused (its item dropped), never cut.

/** A Hugging Face repo id part (`namespace` or `repo_name`): huggingface_hub `validate_repo_id` allows 1–96 characters. */
export const MAX_HF_ID_PART_LENGTH = 96;
/** A GitHub login: at most 39 characters (GitHub's sign-up form, "Username is too long (maximum is 39 characters)"). */
export const MAX_GITHUB_OWNER_LENGTH = 39;
/** A GitHub repository name: at most 100 characters (GitHub's new-repository form). */
export const MAX_GITHUB_REPO_LENGTH = 100;
/** A link a paper's submitter typed (`githubRepo`) is read only up to this length; a longer one is refused unread. */
export const MAX_LINK_INPUT_LENGTH = 2048;

// ---- Parsing the GitHub trending page (lib/sources/github-trending.ts, lib/sources/html-scan.ts) ----
// Issue #9, "Parsing in linear time": the page is parsed in the worker, synchronously, at every refresh,
// and 400 nested rows once took 10 s. These caps bound what any page can make the parser hold, far above
// what GitHub's page needs, so that no real page meets them.

/**
 * Elements open at once beyond which an element is not read (its text still
 * is, by the elements around it). GitHub's page nests 24 deep (the 2026
 * recordings), a row's facts 6 inside the row.
 */
export const MAX_HTML_DEPTH = 128;

/** Rows read from one trending page; further rows are left out, counted as dropped. GitHub shows at most 25. */
export const MAX_TRENDING_ROWS = 100;

/** Links, and spans, a trending row keeps; the rest are not read. A real row has 10 of each. */
export const MAX_ROW_ELEMENTS = 64;

/**
 * Characters of text one fact of a row collects (its description, a count, a
 * language): a 1 MB paragraph is read as its first 16 kB. Descriptions are
 * shorter than 400 characters.
 */
export const MAX_COLLECTED_TEXT = 16_384;

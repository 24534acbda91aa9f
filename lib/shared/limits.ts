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

// ————— What one item of a list may hold (issue #9, findings 3 and 5) —————
// Applied by lib/sources/bound.ts to every item a source parses, before it is
// stored; text lengths are UTF-16 code units after lib/shared/text.ts
// `cleanText`, which cuts longer text with an ellipsis.

/**
 * The longest id: Hugging Face's `org/name` is at most 96 + 1 + 96 = 193
 * characters (huggingface_hub `validate_repo_id`), GitHub's `owner/repo` at
 * most 39 + 1 + 100 = 140, an arXiv id 16. An id is never cut: one that is
 * longer, or that cleaning would change, rejects its item.
 */
export const MAX_ID_LENGTH = 200;

/**
 * A display name: an id (at most 193 characters, above) or a paper's title;
 * arXiv titles are a line or two (the recorded daily papers' longest is 120).
 */
export const MAX_NAME_LENGTH = 300;

/**
 * A description: GitHub's own limit for a repository description is 350
 * characters. A paper's abstract (arXiv allows 1,920) is shown as its first
 * sentence, at most 220 characters (lib/issue/sections.ts), or in a card's two
 * clamped lines: 350 keeps everything a view shows.
 */
export const MAX_DESCRIPTION_LENGTH = 350;

/**
 * A short label: a pipeline tag (`zero-shot-image-classification`, 30), a
 * library (`sentence-transformers`), a Space's SDK, a GitHub language
 * (linguist's longest names are about 35 characters).
 */
export const MAX_LABEL_LENGTH = 60;

/**
 * Tags (Hugging Face) or topics (GitHub, which allows 20). A Hugging Face
 * model lists a tag per language it speaks, so a very multilingual model can
 * list hundreds; it keeps its first 100, which come before the language codes
 * in the Hub's order (library, task, format, then languages).
 */
export const MAX_TAGS = 100;

/**
 * One tag: the longest real ones name a repository, `base_model:quantized:`
 * plus an id of up to 193 characters (214). A longer tag is left out, never
 * cut: a cut tag could name another model.
 */
export const MAX_TAG_LENGTH = 250;

/**
 * A Space's models (its card's `models`, when a response lists them; issue
 * #12): the cross-source links name a few beside the Space, so the first 20
 * valid ids are kept and the rest left out.
 */
export const MAX_SPACE_MODELS = 20;

/**
 * A paper's authors, in order. Views show three and "et al." (lib/issue);
 * 50 keeps every author of all but the largest collaborations (the recorded
 * daily papers' longest list is 31), whose first 50 are kept.
 */
export const MAX_AUTHORS = 50;

/** One author's name; the recorded daily papers' longest is 34 characters. */
export const MAX_AUTHOR_LENGTH = 100;

/**
 * A score (Hugging Face's `trendingScore`, an integer of undocumented
 * formula, api-facts.md): finite and within ±MAX_COUNT, or absent. A finite
 * `1e308` would still print as a 309-digit figure.
 */
export const MAX_SCORE = Number.MAX_SAFE_INTEGER;

/**
 * Item dates (`createdAt`, `publishedAt`) are kept only as ISO 8601 dates
 * within these years: nothing a source dates is older than arXiv (1991), and a
 * date past 2100 is a server's error, not news.
 */
export const MIN_ITEM_YEAR = 1991;
export const MAX_ITEM_YEAR = 2100;

/**
 * Combining marks in a row on one character. Real text stacks at most about
 * four (Vietnamese two, Hebrew with cantillation or Tibetan stacks up to
 * four); "Zalgo" text stacks dozens, which paint over the lines above and
 * below. Unicode's Stream-Safe Text Format (UAX #15) allows 30, for
 * normalisation buffers rather than for the screen.
 */
export const MAX_COMBINING_MARKS = 6;

// ————— The reader's settings in storage.sync (issue #10, "Options") —————
// Not a server's input but a browser's quota: the settings are one item of
// `storage.sync`, and a save beyond its quota is refused by the browser. Chrome
// counts an item as the UTF-8 bytes of its key plus those of the JSON its
// `base::JSONWriter` writes for the value (extensions/browser/api/storage/
// settings_storage_quota_enforcer.cc: `key.size() + value_as_json.size()` on
// std::string, which holds UTF-8). Firefox's webext-storage (mozilla/
// application-services, `get_quota_size_of`: `key.len() + v.to_string().len()`,
// Rust's UTF-8 byte lengths) counts the same, less JSONWriter's escapes.
// Limits (chrome.storage.sync docs; Firefox has the same):

/** `storage.sync.QUOTA_BYTES_PER_ITEM`: the settings item, key and JSON value, in UTF-8 bytes. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8_192;
/** `storage.sync.QUOTA_BYTES`: every item together. The settings are the one item the extension syncs. */
export const SYNC_QUOTA_BYTES = 102_400;
/** `storage.sync.MAX_ITEMS`. */
export const SYNC_MAX_ITEMS = 512;

/**
 * The four word lists (Hugging Face tasks shown and hidden, GitHub languages,
 * AI keywords) are the only fields whose size the reader decides. A word may
 * hold only letters, marks and digits of any script, spaces and `- . _ + # ' * / ( )`
 * (lib/shared/settings.ts): none of these is escaped by JSONWriter (it escapes
 * `"`, `\`, `<`, control characters, U+2028 and U+2029), so a character
 * costs at most its UTF-8 length, at most 4 bytes.
 *
 *   one word, at most:  32 characters × 4 bytes + 2 quotes          = 130 B
 *   one list, at most:  12 words × 130 + 11 commas + 2 brackets     = 1,573 B
 *   four lists:         4 × 1,573                                    = 6,292 B
 *   left for the key ("settings", 8 B) and every other field:
 *                       8,192 − 6,292                                = 1,900 B
 *
 * Every other field is bounded by its schema: at its largest (interval 1440,
 * every source `false`, `"23:59"`, every switch `false`, theme `"system"`)
 * the item with four empty lists is 410 B, key included (395 B before issue #12's `,"editor":false`, 15 B).
 * Full lists replace their 4 × 2 B of empty brackets: 410 − 8 + 6,292 = 6,694 B at most, 1,498 B under the quota,
 * room for fields yet to come (tests/unit/settings-quota.test.ts builds that
 * item and counts it as Chrome does). 32 characters hold the longest Hugging
 * Face pipeline tag (`unconditional-image-generation`, 30).
 */
export const MAX_SETTINGS_WORD_LENGTH = 32;
/** At most this many words in each settings list: see the arithmetic above. */
export const MAX_SETTINGS_WORDS = 12;

// ————— Data files (issue #10: "import it back — validated"; a file is remote input) —————

/** A data file larger than this is refused before it is read: a year of hourly history is a few MB (issue #3). */
export const MAX_DATA_FILE_BYTES = 50 * 1024 * 1024;
/** Longest compressed issue body a data file may carry: a packed issue is ≤ 10 KB (issue #8); generous. */
export const MAX_ISSUE_BODY_BYTES = 256 * 1024;
/** Longest string anywhere inside an imported issue (a story's prose is a few hundred characters). */
export const MAX_ISSUE_STRING_LENGTH = 10_000;
/** Records per store a data file may carry: a year of hourly refreshes of seven sources is ~61,000 snapshots. */
export const MAX_DATA_RECORDS = 200_000;
/** Rows in one stored snapshot (the largest source request is 100). */
export const MAX_SNAPSHOT_ROWS = 1_000;

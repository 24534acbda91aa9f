import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';

/**
 * A published issue of The AI Morning Post: everything the new tab, the popup
 * and the Markdown export show, composed once from the history
 * (lib/issue/compose.ts) and never changed after it is stored.
 *
 * Every figure in the text comes with a `Claim` that says where it came from,
 * so a test can check each one against the history (tests/unit/issue).
 */
export interface Issue {
  /** 1, 2, 3…: increases by one and never repeats. */
  number: number;
  /** Epoch ms. */
  publishedAt: number;
  /**
   * The IANA time zone the issue was written for: its dateline, "yesterday"
   * and the export's dates. Absent from issues stored before it was recorded
   * (read as UTC).
   */
  timeZone?: string;
  masthead: Masthead;
  lead: Story;
  /**
   * What moved among the reader's watched items since the last comparison (issue #10): absent when nothing
   * watched entered, left or climbed a list, and from issues composed before watching existed.
   */
  watch?: WatchStory;
  /** Data-driven pieces ("Deep Dive", "Opinion & Analysis"); a piece without significant figures is left out. */
  analysis: Story[];
  /**
   * Rows of a trending list's source that the issue's list leaves out above its last row (issue #11): the list is
   * numbered 1…n and says how many were left out and why. Absent from issues composed before it was recorded, and
   * for a list that left nothing out.
   */
  leftOut?: Partial<Record<keyof TrendingSections, LeftOut>>;
  /** Four picks across models, spaces and repositories. */
  tools: Tool[];
  trending: TrendingSections;
  movers: Movers;
  /** The week's most upvoted papers. */
  reading: Paper[];
  /**
   * The reading section's name, for the day the issue is published in its time zone: "Weekend Reading" on a
   * Saturday or Sunday, "Monday Reading" … "Friday Reading" otherwise (issue #11). Absent from issues stored before.
   */
  readingHeading?: string;
}

export interface Masthead {
  name: string;
  tagline: string;
  /** "Friday, November 27, 2026", in the reader's locale and time zone at publishing. */
  dateline: string;
  /** When each source last refreshed successfully, and whether it was failing at publishing. */
  sources: SourceLine[];
}

export interface SourceLine {
  sourceId: SourceId;
  label: string;
  lastSuccessAt?: number;
  failing: boolean;
}

/** A story is text made of plain strings; the numbers in it are backed by its claims. */
export interface Story {
  /** "Lead", "Deep Dive", "Opinion & Analysis", "By the Numbers". */
  kicker: string;
  headline: string;
  standfirst?: string;
  paragraphs: string[];
  claims: Claim[];
  /**
   * The on-device editor's text (issue #12, lib/editor): the same piece rewritten by the browser's built-in
   * language model and kept only where it passed the check against this piece's facts. Written into the stored
   * issue after it was published with the template (`paragraphs`, which stays); the pages show it instead of
   * `paragraphs`, marked as edited, unless the reader turned the editor off. Absent: not edited.
   */
  edited?: EditedText;
}

export interface EditedText {
  paragraphs: string[];
}

/** The watch piece: one paragraph per watched item that moved, each starting with its name. */
export interface WatchStory extends Story {
  /** The items the paragraphs speak of: `items[i]` is the one `paragraphs[i]` names first. */
  items: WatchedItem[];
}

export interface WatchedItem {
  sourceId: SourceId;
  itemId: string;
  name: string;
  /** Built from the watched entry's validated id (lib/shared/saved.ts `savedItemUrl`). */
  url: string;
}

/**
 * A figure the text states, with what it was computed from. `printed` lists
 * the exact number strings this claim puts into the text (e.g. "12", "No. 3",
 * "12,099"), so that every number in the text can be traced to a claim.
 */
export type Claim = (
  | { kind: 'rank'; sourceId: SourceId; itemId: string; at: number; rank: number }
  | { kind: 'climb'; sourceId: SourceId; itemId: string; fromAt: number; toAt: number; fromRank: number; toRank: number }
  | { kind: 'metric'; sourceId: SourceId; itemId: string; at: number; metric: MetricName; value: number }
  | {
      kind: 'growth';
      sourceId: SourceId;
      itemId: string;
      metric: MetricName;
      fromAt: number;
      toAt: number;
      fromValue: number;
      toValue: number;
      /** (toValue - fromValue) / days between, rounded to a whole number. */
      perDay: number;
    }
  | { kind: 'new-entries'; sourceId: SourceId; sinceAt: number; at: number; itemIds: string[] }
  /** At `rank` in the list of `at`, and not in the list of `sinceAt` (a watched item, issue #10). */
  | { kind: 'entered'; sourceId: SourceId; itemId: string; sinceAt: number; at: number; rank: number }
  /** At `rank` in the list of `sinceAt`, and not in the list of `at`, which the source refreshed successfully. */
  | { kind: 'left'; sourceId: SourceId; itemId: string; sinceAt: number; at: number; rank: number }
  /* The story detectors' claims (issue #11, lib/issue/stories). */
  /** At No. 1 (after the reader's filters) on each of `days` consecutive calendar days ending the day of `toAt`; another item, or none, was No. 1 on the day of `beforeAt`. */
  | { kind: 'streak'; sourceId: SourceId; itemId: string; beforeAt: number; fromAt: number; toAt: number; days: number }
  /** First sighted in the list of `at` at `rank`; absent from every earlier list of the window (the oldest at `sinceAt`); first seen at `firstSeenAt`, created at `createdAt` when the source says. */
  | { kind: 'debut'; sourceId: SourceId; itemId: string; sinceAt: number; at: number; rank: number; firstSeenAt: number; createdAt?: string }
  /**
   * In the list on each of `days` consecutive calendar days from the day of `fromAt` to the day of `toAt`, best rank `peak`;
   * not on the day of `beforeAt`. Without `beforeAt` the stay reaches the window's start (`atLeast`: "at least `days` days").
   */
  | { kind: 'days-on-list'; sourceId: SourceId; itemId: string; beforeAt?: number; fromAt: number; toAt: number; days: number; atLeast: boolean; peak: number }
  /** `itemIds` (in rank order) carry a `base_model:<base>` tag and are in the top `top` at `at`; `newIds` of them were not in the list of `sinceAt`. */
  | { kind: 'derivatives'; sourceId: SourceId; at: number; top: number; base: string; itemIds: string[]; sinceAt: number; newIds: string[] }
  /**
   * Of the reader's visible rows of the list of `at` whose source rank is at most `top`, exactly `itemIds` (in rank
   * order) belong to `owner` (the part of the id before its `/`). `itemIds` may be empty (an owner's count yesterday).
   */
  | { kind: 'owner-count'; sourceId: SourceId; at: number; top: number; owner: string; itemIds: string[] }
  /**
   * Of the first `top` visible rows of the list of `at` (`top` = min(30, the rows there are)), exactly `itemIds`
   * (in rank order) are derivatives of the kind `derivative` by the rule of `derivativeKindsOf`
   * (lib/issue/stories/derivative-takeover.ts): a `base_model:<relation>:` tag or a word of the name.
   */
  | { kind: 'derivative-share'; sourceId: SourceId; at: number; top: number; derivative: DerivativeKind; itemIds: string[] }
  /**
   * The item's stored `metric` was `fromValue` in the list of `fromAt`, `midValue` in that of `midAt` and `toValue`
   * in that of `toAt`; `earlierPerDay` = round((midValue − fromValue) ÷ max(1, days from fromAt to midAt)) and
   * `recentPerDay` likewise from midAt to toAt, both positive; `times` = floor(recentPerDay ÷ earlierPerDay).
   */
  | {
      kind: 'acceleration';
      sourceId: SourceId;
      itemId: string;
      metric: MetricName;
      fromAt: number;
      midAt: number;
      toAt: number;
      fromValue: number;
      midValue: number;
      toValue: number;
      earlierPerDay: number;
      recentPerDay: number;
      times: number;
    }
  /**
   * The paper `paperId` (an arXiv id) is a paper of the week at `paperAt` (in a Hugging Face papers list of the
   * seven days up to `paperAt`, and featured within them), and the item is at `rank` in the visible rows of the
   * `sourceId` list of `at`; it is the same work `via` the paper's code repository (its GitHub `owner/repo`,
   * compared without case, is the item's id) or the model's `arxiv:<paperId>` tag (versions dropped).
   * `mostUpvoted` (issue #12: "the code behind this week's most upvoted paper"): of the papers of the week at
   * `paperAt` (at least five), each at its upvotes in the last list of the week that holds it, this one has more than every other.
   */
  | { kind: 'same-work'; sourceId: SourceId; itemId: string; at: number; rank: number; paperId: string; paperAt: number; via: 'code' | 'arxiv'; mostUpvoted?: true }
  /**
   * Of the `of` visible rows of the list of `at`, exactly `itemIds` (in rank order) are of the theme `theme` by
   * the rule of `themesOf` (lib/issue/stories/repo-theme.ts): a keyword class of the name, description and
   * topics, or `language:<Language>`.
   */
  | { kind: 'theme-count'; sourceId: SourceId; at: number; of: number; theme: string; itemIds: string[] }
  | {
      kind: 'count';
      sourceId: SourceId;
      at: number;
      /** The top N of the list (after the reader's filters) that was counted. */
      top: number;
      /** What was counted: items whose `field` equals `value`. */
      field: 'task' | 'owner' | 'family' | 'format' | 'language' | 'hasCode';
      value: string;
      count: number;
    }
  | {
      kind: 'share';
      sourceId: SourceId;
      at: number;
      metric: MetricName;
      /** The items whose metric is summed, out of the whole list's sum. */
      itemIds: string[];
      part: number;
      whole: number;
      /** How many items the whole sums over. */
      of: number;
      /** Math.round(100 * part / whole). */
      percent: number;
      /**
       * Absent: `itemIds` are the largest values of the list ("the three largest take P%"). `named`: the share of
       * the items named, whatever their place (one item's share of the list's total, issue #11).
       */
      pick?: 'named';
    }
  /**
   * What an item is, read from its own stored data (issue #11, item 3): the `value` of `field` as the catalog
   * held it when the list of `at` was stored — `task` its pipeline tag, `size` the parameter count its name gives
   * ("27B", "35B-A3B", "8x7B"), `licence` its `license:` tag, `base` the model its `base_model:` tag names,
   * `relation` how it derives from that base (`quantized`, `finetune`, `adapter`, `merge`), `format` how it is
   * packaged (GGUF, MLX…), `role` its owner's role in lib/issue/accounts.ts (`lab`, `quantiser`, `community`),
   * `sdk` a Space's SDK, `language` a repository's language, `tag` a tag it carries.
   */
  | {
      kind: 'attribute';
      sourceId: SourceId;
      itemId: string;
      at: number;
      field: AttributeField;
      value: string;
    }
  /**
   * The gain of `metric` from the list of `fromAt` to the list of `toAt` (toValue − fromValue): "+1,204 likes
   * this week". `fromAt` is the week's baseline, or the first list since it that holds the item.
   */
  | { kind: 'gain'; sourceId: SourceId; itemId: string; metric: MetricName; fromAt: number; toAt: number; fromValue: number; toValue: number }
  /**
   * A derivative's `metric` against its base's, both in the list of `at`: `ratio` is value ÷ baseValue to one
   * decimal ("3.2 times its base's 30-day downloads").
   */
  | { kind: 'ratio'; sourceId: SourceId; itemId: string; baseId: string; at: number; metric: MetricName; value: number; baseValue: number; ratio: number }
) & { printed: string[] };

export type AttributeField = 'task' | 'size' | 'licence' | 'base' | 'relation' | 'format' | 'role' | 'sdk' | 'language' | 'tag';

/** The kinds of derivative a model can be (lib/issue/stories/derivative-takeover.ts `derivativeKindsOf`). */
export type DerivativeKind = 'quantisation' | 'fine-tune' | 'merge' | 'adapter' | 'uncensored';

export interface Tool {
  kind: 'model' | 'space' | 'repository';
  sourceId: SourceId;
  itemId: string;
  name: string;
  url: string;
  /** One line: what it is. */
  description: string;
  /** The figure that earned its place, e.g. "+1,204 likes this week". */
  figure: string;
  claim: Claim;
  /** What the description says of the item (its size, format, base, maker…), when it is written from the item's data (issue #11). */
  claims?: Claim[];
}

export interface Entry {
  sourceId: SourceId;
  itemId: string;
  rank: number;
  name: string;
  url: string;
  description?: string;
  /** Task, SDK or language. */
  chip?: string;
  metrics: Partial<Record<MetricName, number>>;
  /** Places climbed since the baseline; absent when unknown. */
  climbed?: number;
  isNew: boolean;
}

/**
 * How many rows of the source's list, ranked above the issue's last row, the issue does not show, and why:
 * `not-ai` GitHub repositories the AI/ML rule turned away (the reader filters no language), `filters` rows the
 * reader's filters hide (tasks, languages, or the AI/ML rule with them).
 */
export interface LeftOut {
  count: number;
  why: 'not-ai' | 'filters';
}

export interface TrendingSections {
  models: Entry[];
  datasets: Entry[];
  repositories: Entry[];
  spaces: Entry[];
}

export interface Mover {
  sourceId: SourceId;
  itemId: string;
  name: string;
  url: string;
  rank: number;
  /** Places climbed since `sinceAt`; absent for a new entry. */
  climbed?: number;
  isNew: boolean;
  /** Likes or stars per day over the window, for growth movers. */
  perDay?: number;
  metric?: MetricName;
  sinceAt: number;
  /** Oldest first: rank (climbers) or metric value (growth), one point per day. */
  sparkline: number[];
  /** What the sparkline plots. */
  sparklineOf: 'rank' | MetricName;
  claim: Claim;
}

export interface Movers {
  /** "Biggest Movers This Week" only over a week of history; "Biggest Movers Since Tuesday" before that. */
  heading?: string;
  /** When the comparison starts (the list as it stood then); absent before a day of history. */
  sinceAt?: number;
  climbers: Mover[];
  growth: Mover[];
}

export interface Paper {
  arxivId: string;
  title: string;
  url: string;
  codeUrl?: string;
  authors: string[];
  upvotes: number;
  summary?: string;
}

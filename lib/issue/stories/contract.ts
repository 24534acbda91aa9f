import { dailySnapshots, DAY_MS, dayIn, HOUR_MS } from '../../shared/movement';
import type { Snapshot } from '../../shared/records';
import type { MetricName } from '../../sources/contract';
import type { SourceId } from '../../sources/ids';
import type { Facts, ListFacts, Row } from '../facts';

/**
 * Story detectors (issue #11, item 1): one contract for every kind of news
 * the history can hold. A detector reads the facts (lib/issue/facts.ts, which
 * carry each source's window of snapshots and catalog) and returns a story
 * candidate — what happened, the claims that back its figures, how
 * newsworthy it is and which milestone it marks — or nothing.
 *
 * No words here: a candidate is the news, not its telling. The pieces
 * (lib/issue/pieces) turn a candidate into a Story.
 *
 * Three rules every detector follows, checked by tests/unit/issue/stories:
 * 1. Significance: each detector has documented thresholds; below them it
 *    returns nothing rather than a small story.
 * 2. A story whose source is failing, or whose latest list is stale
 *    (`STALE_AFTER_MS`), is not told (`tellable`).
 * 3. Milestones: a story is repeated only at milestones. The issue inputs
 *    carry no record of what earlier issues told (IssueInputs has the
 *    windows, filters, settings and watchlist only), so the rule is derived
 *    from the history, deterministically: a detector fires only on the day
 *    its figure *reaches* a milestone (a streak's length equals one of
 *    `STREAK_MILESTONES`; a debut or an exit on the day it happens; a wave
 *    when its count crosses one of `WAVE_MILESTONES` since yesterday). The
 *    day after, the same history no longer meets the rule, so the story is
 *    not told again until the next milestone. `milestone` names the event
 *    uniquely, so a later editor that does keep earlier issues can also
 *    de-duplicate by it.
 */

export type StoryKind =
  | 'streak-at-one'
  | 'high-debut'
  | 'exit'
  | 'staying-power'
  | 'release-wave'
  | 'overtakes-base'
  | 'lab-sweep'
  | 'derivative-takeover'
  | 'acceleration'
  | 'two-platforms'
  | 'repo-theme';

/** The kinds of derivative a model can be (lib/issue/stories/derivative-takeover.ts `derivativeKindsOf`). */
export type DerivativeKind = 'quantisation' | 'fine-tune' | 'merge' | 'adapter' | 'uncensored';

/**
 * The figures a story states, each with what it was computed from (like
 * `Claim` of lib/shared/issue-types.ts, which they join when the stories are
 * wired into the issue). `printed` lists the exact number strings the figure
 * puts into a text.
 */
export type StoryClaim = (
  /** At No. 1 (after the reader's filters) on each of `days` consecutive calendar days ending the day of `toAt`; another item, or none, was No. 1 on the day of `beforeAt`. */
  | { kind: 'streak'; sourceId: SourceId; itemId: string; beforeAt: number; fromAt: number; toAt: number; days: number }
  /** First sighted in the list of `at` at `rank`; absent from every earlier list of the window (the oldest at `sinceAt`); first seen at `firstSeenAt`, created at `createdAt` when the source says. */
  | { kind: 'debut'; sourceId: SourceId; itemId: string; sinceAt: number; at: number; rank: number; firstSeenAt: number; createdAt?: string }
  /**
   * In the list on each of `days` consecutive calendar days from the day of `fromAt` to the day of `toAt`, best rank `peak`;
   * not on the day of `beforeAt`. Without `beforeAt` the stay reaches the window's start (`atLeast`: "at least `days` days").
   */
  | { kind: 'days-on-list'; sourceId: SourceId; itemId: string; beforeAt?: number; fromAt: number; toAt: number; days: number; atLeast: boolean; peak: number }
  /** At `rank` in the list of `sinceAt`, and not in the list of `at` (the source refreshed successfully). */
  | { kind: 'left'; sourceId: SourceId; itemId: string; sinceAt: number; at: number; rank: number }
  /** The stored value of `metric` for the item in the list of `at` (as `Claim`'s metric claim). */
  | { kind: 'metric'; sourceId: SourceId; itemId: string; at: number; metric: MetricName; value: number }
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
   */
  | { kind: 'same-work'; sourceId: SourceId; itemId: string; at: number; rank: number; paperId: string; paperAt: number; via: 'code' | 'arxiv' }
  /**
   * Of the `of` visible rows of the list of `at`, exactly `itemIds` (in rank order) are of the theme `theme` by
   * the rule of `themesOf` (lib/issue/stories/repo-theme.ts): a keyword class of the name, description and
   * topics, or `language:<Language>`.
   */
  | { kind: 'theme-count'; sourceId: SourceId; at: number; of: number; theme: string; itemIds: string[] }
) & { printed: string[] };

export interface StoryCandidate {
  kind: StoryKind;
  sourceId: SourceId;
  /** The item id; the base model for a wave; the owner for a sweep; the kind of derivative for a takeover; the theme for a repositories' theme. */
  subject: string;
  claims: StoryClaim[];
  /** Newsworthiness, 0–100: each detector documents its formula. The lead is the candidate with the highest score. */
  score: number;
  /** `kind:sourceId:subject:figure`, e.g. `streak-at-one:hf-models:Qwen/Qwen3-8B:3`: the event, told once. */
  milestone: string;
}

export interface StoryDetector {
  kind: StoryKind;
  /** The significance test and milestone rule, in a sentence, with the thresholds. */
  significance: string;
  /** The score formula, in words. */
  score: string;
  detect(facts: Facts): StoryCandidate[];
}

/**
 * A list older than this at publishing is stale: its news is not today's.
 * The lists refresh every few hours; a day and a half covers a missed
 * refresh or two and a browser closed overnight, not a week away.
 */
export const STALE_AFTER_MS = 36 * HOUR_MS;

/** A source's news may be told: it is on, not failing, and its latest list is fresh. */
export function tellable(list: ListFacts, now: number): list is ListFacts & { latest: Snapshot } {
  return list.latest !== undefined && !list.failing && now - list.latest.fetchedAt <= STALE_AFTER_MS;
}

/** Streaks and days on the list are told on these days; 14 and 30 need a window longer than the stored 8 days (lib/background/issue-inputs.ts `WINDOW_DAYS`) and wait for it. */
export const STREAK_MILESTONES: readonly number[] = [1, 3, 7, 14, 30];

export const milestoneKey = (kind: StoryKind, sourceId: SourceId, subject: string, figure: number | string): string => `${kind}:${sourceId}:${subject}:${figure}`;

/** One list a calendar day (the day's last, in the reader's time zone), oldest first, with the rows the reader sees; none after `until`. */
export interface Day {
  /** `YYYY-MM-DD`. */
  day: string;
  snapshot: Snapshot;
  rows: Row[];
}

export function daysOf(facts: Facts, sourceId: SourceId, until = Number.POSITIVE_INFINITY): Day[] {
  const list = facts.lists[sourceId];
  const snapshots = list.snapshots.filter((snapshot) => snapshot.fetchedAt <= until);
  return dailySnapshots(snapshots, Number.NEGATIVE_INFINITY, facts.timeZone).map((snapshot) => ({
    day: dayIn(snapshot.fetchedAt, facts.timeZone),
    snapshot,
    rows: snapshot === list.latest ? list.rows : facts.rowsAt(sourceId, snapshot),
  }));
}

/** Whole calendar days from `a` to `b` (`YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export interface Run {
  /** Consecutive calendar days, ending with the latest, on which the test held; oldest first. */
  days: Day[];
  /**
   * The calendar day just before the run, which has a list on which the test failed: the run's known start.
   * Absent when the run reaches the window's first day or a day without a list: then the run is at least
   * `days.length` long, and its exact length is unknown.
   */
  before?: Day;
}

/**
 * The run of consecutive calendar days, ending with the latest, on which
 * `holds` is true. A day with no list ends the run with its start unknown
 * (the item may well have been there). Undefined when the test fails on the
 * latest day.
 */
export function runOf(days: readonly Day[], holds: (day: Day) => boolean): Run | undefined {
  const run: Day[] = [];
  for (let index = days.length - 1; index >= 0; index--) {
    const day = days[index]!;
    const next = run[0];
    if (next && daysBetween(day.day, next.day) !== 1) break;
    if (!holds(day)) return run.length > 0 ? { days: run, before: day } : undefined;
    run.unshift(day);
  }
  return run.length > 0 ? { days: run } : undefined;
}

/** The ranked lists whose items have streaks, debuts and exits: Hugging Face's three and the GitHub list the issue prints. */
export function rankedSources(facts: Facts): SourceId[] {
  return ['hf-models', 'hf-datasets', 'hf-spaces', facts.repos];
}

/**
 * How much a source's news weighs in a score: Hugging Face's models are the
 * paper's main beat (1); GitHub's repositories next (0.9); datasets and
 * Spaces, smaller audiences, 0.8. A score is `round(weight × raw)` where
 * each detector documents `raw`.
 */
export const SOURCE_WEIGHT: Record<SourceId, number> = {
  'hf-models': 1,
  'hf-datasets': 0.8,
  'hf-spaces': 0.8,
  'hf-papers': 0.8,
  'gh-trending-daily': 0.9,
  'gh-trending-weekly': 0.9,
  'gh-search': 0.8,
};

export const weighted = (sourceId: SourceId, raw: number): number => Math.round(SOURCE_WEIGHT[sourceId] * raw);

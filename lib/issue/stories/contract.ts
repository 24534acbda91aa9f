import { dailySnapshots, DAY_MS, dayIn, HOUR_MS } from '../../shared/movement';
import type { Claim } from '../../shared/issue-types';
import type { Snapshot } from '../../shared/records';
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

export type { DerivativeKind } from '../../shared/issue-types';

/**
 * The figures a story states, each with what it was computed from: the
 * issue's own claim kinds (lib/shared/issue-types.ts `Claim`), so a story's
 * claims go into the issue as they are and the claim oracle checks them.
 * `printed` lists the exact number strings the figure puts into a text.
 */
export type StoryClaim = Extract<Claim, { kind: StoryClaimKind }>;
/** The claim kinds a detector may state. */
export type StoryClaimKind = 'streak' | 'debut' | 'days-on-list' | 'left' | 'metric' | 'derivatives' | 'rank' | 'owner-count' | 'derivative-share' | 'acceleration' | 'same-work' | 'theme-count';

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
  // From when the list was last confirmed: a list a 304 kept is as fresh as one just stored (issue #12).
  return list.latest !== undefined && !list.failing && now - (list.checkedAt ?? list.latest.fetchedAt) <= STALE_AFTER_MS;
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

import type { Claim, Story } from '../../shared/issue-types';
import type { Facts } from '../facts';
import type { LEAD, Section } from './news';

/**
 * One contract for every piece of the issue (like the sources'): facts in, a
 * story or nothing out. A piece states only figures its claims back, and
 * returns nothing rather than pad when its figures are not significant.
 * Checked for every piece by tests/unit/issue/pieces.test.ts.
 */
export interface Piece {
  /** Stable id, e.g. "family". */
  id: string;
  /** What makes the piece worth printing, in a sentence (for the reader of the code). */
  significance: string;
  write(facts: Facts): Story | undefined;
  /** What the piece is, printed as its kicker (lib/issue/pieces/news.ts `Section`). */
  section: Section | typeof LEAD;
  /** The rule of `score`, in words. */
  scoreRule: string;
  /**
   * How newsworthy the written piece is, on the story detectors' scale
   * (lib/issue/stories/contract.ts): read from the piece's own claims. The
   * front page prints the pieces and the stories after the lead by score.
   */
  score(story: Story): number;
}

// ---------- a piece's figures read back from its claims, for its score ----------

/** The first count claim of `field` in the piece: its figure. */
export function countIn(story: Story, field: Extract<Claim, { kind: 'count' }>['field']): number {
  const claim = story.claims.find((entry): entry is Extract<Claim, { kind: 'count' }> => entry.kind === 'count' && entry.field === field);
  return claim?.count ?? 0;
}

/** The largest change of one task's count between its two count claims (now and a week back). */
export function largestTaskChange(story: Story): number {
  const byTask = new Map<string, number[]>();
  for (const claim of story.claims) if (claim.kind === 'count' && claim.field === 'task') byTask.set(claim.value, [...(byTask.get(claim.value) ?? []), claim.count]);
  return Math.max(0, ...[...byTask.values()].map((counts) => (counts.length === 2 ? Math.abs(counts[0]! - counts[1]!) : 0)));
}

/** The share claim's percentage. */
export function shareIn(story: Story): number {
  const claim = story.claims.find((entry): entry is Extract<Claim, { kind: 'share' }> => entry.kind === 'share');
  return claim?.percent ?? 0;
}

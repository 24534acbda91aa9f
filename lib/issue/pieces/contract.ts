import type { Story } from '../../shared/issue-types';
import type { Facts } from '../facts';

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
}

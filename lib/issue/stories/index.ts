import type { Facts } from '../facts';
import { accelerationDetector } from './acceleration';
import type { StoryCandidate, StoryDetector } from './contract';
import { debutDetector } from './debut';
import { derivativeTakeoverDetector } from './derivative-takeover';
import { exitDetector } from './exit';
import { labSweepDetector } from './lab-sweep';
import { overtakesBaseDetector } from './overtakes-base';
import { releaseWaveDetector } from './release-wave';
import { repoThemeDetector } from './repo-theme';
import { stayingPowerDetector } from './staying-power';
import { streakDetector } from './streak';
import { twoPlatformsDetector } from './two-platforms';

export type { DerivativeKind, StoryCandidate, StoryClaim, StoryDetector, StoryKind } from './contract';

/** Every story detector (issue #11), in a fixed order: a tie in score goes to the earlier one. */
export const DETECTORS: readonly StoryDetector[] = [
  releaseWaveDetector,
  debutDetector,
  streakDetector,
  overtakesBaseDetector,
  exitDetector,
  stayingPowerDetector,
  labSweepDetector,
  derivativeTakeoverDetector,
  accelerationDetector,
  twoPlatformsDetector,
  repoThemeDetector,
];

/**
 * Every story the history holds today, most newsworthy first: by score,
 * then by the detectors' order, then by each detector's own order (rank).
 * The first is the lead's candidate.
 */
export function storiesOf(facts: Facts): StoryCandidate[] {
  const found = DETECTORS.flatMap((detector, order) => detector.detect(facts).map((candidate, index) => ({ candidate, order, index })));
  return found.sort((a, b) => b.candidate.score - a.candidate.score || a.order - b.order || a.index - b.index).map(({ candidate }) => candidate);
}

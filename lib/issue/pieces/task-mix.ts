import type { Claim } from '../../shared/issue-types';
import { DAY_MS } from '../../shared/movement';
import { countClaim, tally } from '../facts';
import { capitalise, clip, formatCount, HEADLINE_NAME_MAX, thenWords } from '../prose';
import { largestTaskChange, type Piece } from './contract';

/** A task that gained or lost this many places of the top 30 is news. */
const SHIFT = 3;
/** Only against a list at least this old: a day's reshuffle is not a shift in the mix. */
const MIN_SPAN_MS = 5 * DAY_MS;

/** The task mix of the top 30 against the week's baseline. */
export const taskMixPiece: Piece = {
  id: 'task-mix',
  significance: 'a task gained or lost 3 places of the top 30 or more, against a list 5 days old or more',
  section: 'Opinion & Analysis',
  scoreRule: '25 + 3 × the largest gain or loss of one task, in places of the top 30',
  score: (story) => 25 + 3 * largestTaskChange(story),
  write: (facts) => {
    const models = facts.lists['hf-models'];
    const { latest, week } = models;
    if (!latest || !week || latest.fetchedAt - week.fetchedAt < MIN_SPAN_MS) return undefined;
    const now = models.top;
    const before = facts.rowsAt('hf-models', week).slice(0, now.length);
    // Counts over lists of different lengths are not comparable ("3 of the top 5, against 0" of 4).
    if (before.length !== now.length) return undefined;
    const countNow = new Map(tally(now.map((row) => row.item.task)).map((entry) => [entry.value, entry.count]));
    const countBefore = new Map(tally(before.map((row) => row.item.task)).map((entry) => [entry.value, entry.count]));
    const changes = [...new Set([...countNow.keys(), ...countBefore.keys()])]
      .map((task) => ({ task, now: countNow.get(task) ?? 0, before: countBefore.get(task) ?? 0 }))
      .filter((change) => Math.abs(change.now - change.before) >= SHIFT)
      .sort((a, b) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before));
    if (changes.length === 0) return undefined;
    const then = thenWords(week.fetchedAt, facts.now, facts.timeZone);
    const claims: Claim[] = [];
    const sentences = changes.slice(0, 3).map((change) => {
      claims.push(countClaim('hf-models', latest.fetchedAt, now.length, 'task', change.task, change.now));
      claims.push(countClaim('hf-models', week.fetchedAt, before.length, 'task', change.task, change.before));
      return `${capitalise(change.task)} holds ${formatCount(change.now)} of the top ${now.length} places, against ${formatCount(change.before)} ${then}.`;
    });
    const lead = changes[0]!;
    return {
      kicker: '',
      headline: `${capitalise(clip(lead.task, HEADLINE_NAME_MAX))} ${lead.now > lead.before ? 'gains ground' : 'gives ground'} on Hugging Face`,
      paragraphs: [sentences.join(' ')],
      claims,
    };
  },
};

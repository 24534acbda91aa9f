import type { Claim } from '../../shared/issue-types';
import { countClaim, countsOf } from '../facts';
import { clip, formatCount, HEADLINE_NAME_MAX, joinAnd, opensSentence, periodOf } from '../prose';
import { countIn, type Piece } from './contract';

/** The languages of the period's AI/ML repositories on GitHub. */
export const languagesPiece: Piece = {
  id: 'languages',
  significance: 'one language leads 5 or more AI/ML repositories alone, with 2 or more of them',
  section: 'Opinion & Analysis',
  scoreRule: '15 + 2 × the leading language’s count of repositories',
  score: (story) => 15 + 2 * countIn(story, 'language'),
  write: (facts) => {
    const list = facts.lists[facts.repos];
    const latest = list.latest;
    const rows = list.rows;
    const languages = countsOf(rows, 'language');
    const first = languages[0];
    if (!latest || rows.length < 5 || !first || first.count < 2 || !first.unique) return undefined;
    const shown = languages.slice(0, 3);
    const claims: Claim[] = shown.map((entry) => countClaim(facts.repos, latest.fetchedAt, rows.length, 'language', entry.value, entry.count));
    const rest = shown.slice(1);
    const period = periodOf(facts.repos);
    // "Most" only for a majority; a plurality "leads".
    const verb = first.count * 2 > rows.length ? 'writes most of' : 'leads';
    return {
      kicker: '',
      headline: opensSentence(first.value) ? `${clip(first.value, HEADLINE_NAME_MAX)} ${verb} the AI on GitHub ${period}` : `On GitHub ${period}, ${clip(first.value, HEADLINE_NAME_MAX)} ${verb} the AI`,
      paragraphs: [
        // Opens with words, not with the language's name (remote text, which may be lower-case).
        `Of the ${rows.length} AI/ML repositories trending on GitHub ${period}, ${formatCount(first.count)} are written in ${first.value}` +
          (rest.length ? `, ${joinAnd(rest.map((entry) => `${formatCount(entry.count)} in ${entry.value}`))}.` : '.'),
      ],
      claims,
    };
  },
};

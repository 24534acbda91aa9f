import type { Claim } from '../../shared/issue-types';
import { familyOf, ownerOf } from '../classify';
import { countClaim, countsOf, rankClaim } from '../facts';
import { clip, formatCount, HEADLINE_NAME_MAX, joinAnd, opensSentence } from '../prose';
import { countIn, type Piece } from './contract';

/** How much of the top 30 builds on one base model. */
export const familyPiece: Piece = {
  id: 'family',
  significance: 'one base model under 4 or more of the top 30, more than any other',
  section: 'Deep Dive',
  scoreRule: '20 + 2 × the family’s count in the top 30, at most 60',
  score: (story) => Math.min(60, 20 + 2 * countIn(story, 'family')),
  write: (facts) => {
    const models = facts.lists['hf-models'];
    const latest = models.latest;
    const top = models.top;
    const family = countsOf(top, 'family')[0];
    if (!latest || !family || family.count < 4 || !family.unique) return undefined;
    const members = top.filter((row) => familyOf(row.item) === family.value);
    const claims: Claim[] = [countClaim('hf-models', latest.fetchedAt, top.length, 'family', family.value, family.count)];
    const paragraphs = [
      `Of the top ${top.length} trending models on Hugging Face, ${formatCount(family.count)} build on ${family.value}: the original release and the community's fine-tunes, quantisations and merges of it.`,
    ];
    const formats = countsOf(top, 'format');
    const [most, other] = formats;
    if (most && most.count >= 2) {
      claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'format', most.value, most.count));
      if (other) claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'format', other.value, other.count));
      paragraphs.push(
        `Packaging for local use is a large part of it: across the whole top ${top.length}, ${formatCount(most.count)} are ${most.value} builds` +
          (other ? ` and ${formatCount(other.count)} ${other.count === 1 ? 'is' : 'are'} ${other.value}.` : '.'),
      );
    }
    const owners = members.map((row) => ownerOf(row.itemId));
    const authors = [...new Set(owners.filter((owner): owner is string => !!owner))];
    // "All" only when every member names that author.
    const all = authors.length === 1 && owners.every((owner) => owner === authors[0]);
    const highest = members[0]!;
    claims.push(rankClaim('hf-models', highest, latest.fetchedAt));
    const named = authors.length > 4 ? `${authors.slice(0, 4).join(', ')} and others` : joinAnd(authors);
    paragraphs.push(
      (authors.length === 0 ? 'The' : all ? `They all come from ${named}; the` : `They come from ${named}; the`) +
        ` highest-ranked of them, ${highest.item.name}, is at No. ${highest.rank}.`,
    );
    const name = clip(family.value, HEADLINE_NAME_MAX);
    // A headline opens with a word, never a lower-case handle or a digit.
    const headline = opensSentence(name)
      ? `${name} and its derivatives hold ${formatCount(family.count)} of the top ${top.length}`
      : `Derivatives of ${name} hold ${formatCount(family.count)} of the top ${top.length}`;
    return { kicker: '', headline, paragraphs, claims };
  },
};

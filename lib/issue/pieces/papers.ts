import { countClaim, weekPapers } from '../facts';
import { formatCount } from '../prose';
import { countIn, type Piece } from './contract';

/** Papers that share their code, among the week's most upvoted. */
export const papersPiece: Piece = {
  id: 'papers',
  significance: 'five papers or more in the week',
  section: 'By the Numbers',
  scoreRule: '15 + 2 × the papers of the week that ship code',
  score: (story) => 15 + 2 * countIn(story, 'hasCode'),
  write: (facts) => {
    const list = facts.lists['hf-papers'];
    const papers = weekPapers(list);
    if (!list.latest || papers.length < 5) return undefined;
    const top = papers.slice(0, 10);
    const withCode = top.filter((paper) => paper.item.codeUrl).length;
    const headline =
      withCode * 2 > top.length
        ? 'Most of the week’s top papers ship their code'
        : withCode * 2 === top.length
          ? 'Half of the week’s top papers ship their code'
          : 'Fewer than half of the week’s top papers ship their code';
    return {
      kicker: '',
      headline,
      paragraphs: [`Of the ${top.length} most upvoted papers of the week on Hugging Face, ${formatCount(withCode)} link a code repository.`],
      claims: [countClaim('hf-papers', list.latest.fetchedAt, top.length, 'hasCode', 'yes', withCode)],
    };
  },
};

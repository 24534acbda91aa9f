import { isArxivId, isGithubRepoFullName } from '../../shared/links';
import { arxivIdsOf, codeRepositoryOf, unversioned } from '../../shared/model-tags';
import type { SourceId } from '../../sources/ids';
import { TOP, weekPapers, type Facts, type PaperFact, type Row } from '../facts';
import { milestoneKey, tellable, weighted, type StoryCandidate, type StoryDetector } from './contract';

// Read in one place with the cross-source links (issue #12); exported here too for the stories' readers.
export { arxivIdsOf, codeRepositoryOf };

/** "The week's most upvoted paper" only among at least this many papers of the week (the papers piece's threshold too). */
export const MOST_UPVOTED_OF = 5;

interface Match {
  sourceId: SourceId;
  row: Row;
  paper: PaperFact;
  via: 'code' | 'arxiv';
}

/**
 * The same work on two platforms, by exact ids only (no names compared):
 * - a paper of the week on Hugging Face (`weekPapers`: listed in the seven
 *   days up to its latest list and featured within them) whose code
 *   repository — its `codeUrl`, a validated `https://github.com/owner/repo`
 *   — is a repository of the GitHub list the issue prints today (`facts.repos`,
 *   ids compared without case, as GitHub does);
 * - a model in today's top 30 whose `arxiv:<id>` tag names a paper of the
 *   week (valid arXiv ids, versions dropped).
 * Both sources must be tellable. The claim says when the paper is the week's
 * most upvoted (more upvotes than every other paper of the week, of at least
 * `MOST_UPVOTED_OF`; issue #12:
 * "the code behind this week's most upvoted paper is No. 3 on GitHub").
 * Milestone: told on the first day the pair holds: in the other list's day
 * baseline (at least 20 hours old) the item was not listed, or the paper was
 * in no papers list taken by then. Needs that baseline.
 *
 * Score: `weight of the item's source × (50 + max(0, 11 − rank))`: a
 * repository at No. 1 → 54; a model at No. 3 → 58; below No. 10 → 50 × weight.
 */
export const twoPlatformsDetector: StoryDetector = {
  kind: 'two-platforms',
  significance: "a paper of the week whose GitHub repository trends today, or a top-30 model whose arxiv: tag names it — exact ids, first day the pair holds",
  score: "weight of the item's source × (50 + max(0, 11 − rank))",
  detect: (facts) => {
    const papersList = facts.lists['hf-papers'];
    if (!tellable(papersList, facts.now)) return [];
    const papers = weekPapers(papersList);
    if (papers.length === 0) return [];
    // The week's most upvoted paper, when one has more upvotes than every other (weekPapers: most upvoted first)
    // of at least MOST_UPVOTED_OF papers: the most upvoted of two says little.
    const top = papers.length >= MOST_UPVOTED_OF && papers[0]!.upvotes > papers[1]!.upvotes ? papers[0] : undefined;
    const byRepository = new Map<string, PaperFact>();
    const byArxiv = new Map<string, PaperFact>();
    for (const paper of papers) {
      const repository = codeRepositoryOf(paper.item);
      if (repository && !byRepository.has(repository)) byRepository.set(repository, paper);
      if (isArxivId(paper.item.itemId)) byArxiv.set(unversioned(paper.item.itemId), paper);
    }
    const matches: Match[] = [];
    for (const row of rowsOf(facts, facts.repos)) {
      const paper = isGithubRepoFullName(row.itemId) ? byRepository.get(row.itemId.toLowerCase()) : undefined;
      if (paper) matches.push({ sourceId: facts.repos, row, paper, via: 'code' });
    }
    for (const row of rowsOf(facts, 'hf-models').slice(0, TOP)) {
      const paper = [...arxivIdsOf(row.item)].map((id) => byArxiv.get(id)).find((found) => found !== undefined);
      if (paper) matches.push({ sourceId: 'hf-models', row, paper, via: 'arxiv' });
    }
    const candidates: StoryCandidate[] = [];
    for (const { sourceId, row, paper, via } of matches) {
      const list = facts.lists[sourceId];
      if (!list.latest || !list.day) continue;
      const baselineAt = list.day.fetchedAt;
      const listedThen = facts.rowsAt(sourceId, list.day).some((then) => then.key === row.key);
      const paperThen = papersList.snapshots.some((snapshot) => snapshot.fetchedAt <= baselineAt && snapshot.keys.includes(paper.key));
      if (listedThen && paperThen) continue;
      candidates.push({
        kind: 'two-platforms',
        sourceId,
        subject: row.itemId,
        claims: [
          {
            kind: 'same-work',
            sourceId,
            itemId: row.itemId,
            at: list.latest.fetchedAt,
            rank: row.rank,
            paperId: paper.item.itemId,
            paperAt: papersList.latest.fetchedAt,
            via,
            ...(paper === top ? { mostUpvoted: true as const } : {}),
            printed: [String(row.rank)],
          },
        ],
        score: weighted(sourceId, 50 + Math.max(0, 11 - row.rank)),
        milestone: milestoneKey('two-platforms', sourceId, row.itemId, paper.item.itemId),
      });
    }
    return candidates;
  },
};

function rowsOf(facts: Facts, sourceId: SourceId): Row[] {
  const list = facts.lists[sourceId];
  return tellable(list, facts.now) ? list.rows : [];
}

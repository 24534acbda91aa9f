import type { Issue, Story } from '../shared/issue-types';
import { SOURCE_IDS } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import { factsOf } from './facts';
import type { IssueInputs } from './inputs';
import { frontPage } from './front-page';
import { writeWatch } from './pieces/watch';
import { datelineOf, keepTogether, readingHeading } from './prose';
import { entries, leftOut, movers, reading, tools } from './sections';

/**
 * The issue, written from the history: a pure function of what
 * `loadIssueInputs` read, the clock (`inputs.now`) and the reader's time zone
 * (`inputs.timeZone`). Facts (lib/issue/facts.ts) → pieces (lib/issue/pieces)
 * → prose (lib/issue/prose.ts): every figure is computed once and recorded as
 * a claim; a piece whose figures are not significant is left out, never padded.
 * The same inputs give a byte-identical issue under any machine locale.
 */
export const PAPER_NAME = 'The AI Morning Post';
export const TAGLINE = 'Artificial Intelligence • Machine Learning • Future Tech';


/** A story whose words keep "No. 15" and "12.5K likes" on one line (lib/issue/prose.ts `keepTogether`). */
function together<T extends Story>(story: T): T {
  return {
    ...story,
    headline: keepTogether(story.headline),
    ...(story.standfirst !== undefined ? { standfirst: keepTogether(story.standfirst) } : {}),
    paragraphs: story.paragraphs.map(keepTogether),
  };
}

export function composeIssue(inputs: IssueInputs): Issue {
  const facts = factsOf(inputs);
  const front = frontPage(facts);
  const analysis = front.analysis.map(together);
  const written = writeWatch(facts);
  const watch = written ? together(written) : undefined;
  const trending = {
    models: entries(facts, 'hf-models'),
    datasets: entries(facts, 'hf-datasets'),
    repositories: entries(facts, facts.repos),
    spaces: entries(facts, 'hf-spaces'),
  };
  const sourceOf = { models: 'hf-models', datasets: 'hf-datasets', repositories: facts.repos, spaces: 'hf-spaces' } as const;
  const left: NonNullable<Issue['leftOut']> = {};
  for (const key of Object.keys(trending) as (keyof typeof trending)[]) {
    const out = leftOut(sourceOf[key], trending[key], inputs.filters);
    if (out) left[key] = out;
  }
  return {
    number: inputs.number,
    publishedAt: inputs.now,
    timeZone: inputs.timeZone,
    masthead: {
      name: PAPER_NAME,
      tagline: TAGLINE,
      dateline: datelineOf(inputs.now, inputs.timeZone),
      sources: SOURCE_IDS.filter((id) => inputs.enabled[id]).map((id) => {
        const status = inputs.windows[id]?.status;
        return {
          sourceId: id,
          label: SOURCE_INFO[id].label,
          ...(status?.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}),
          failing: facts.lists[id].failing,
        };
      }),
    },
    lead: together(front.lead),
    ...(watch ? { watch } : {}),
    analysis,
    // After the analysis, before the tools: where the stored issue's body gives them back (lib/history/issue-codec.ts).
    readingHeading: readingHeading(inputs.now, inputs.timeZone),
    ...(Object.keys(left).length > 0 ? { leftOut: left } : {}),
    tools: tools(facts).map((tool) => ({ ...tool, figure: keepTogether(tool.figure) })),
    trending,
    movers: movers(facts),
    reading: reading(facts),
  };
}

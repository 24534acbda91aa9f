import { fullNumber } from '../shared/format';
import { isFailing } from '../shared/health';
import type { Snapshot } from '../shared/records';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import {
  baselineOf,
  dailySnapshots,
  daysBetween,
  familyOf,
  formatOf,
  latestOf,
  mostCommon,
  ownerOf,
  pointsOf,
  rankIn,
  rowsOf,
  shortName,
  tally,
  type Row,
} from './derive';
import type { IssueInputs, SourceWindow } from './inputs';
import type { Claim, Entry, Issue, Mover, Paper, Story, Tool } from '../shared/issue-types';

/**
 * The issue, written from the history: a pure function of what
 * `loadIssueInputs` read and of the clock (`inputs.now`). Every figure in the
 * text is computed here and recorded as a claim; a piece whose figures are not
 * significant is left out rather than padded.
 */
export const PAPER_NAME = 'The AI Morning Post';
export const TAGLINE = 'Artificial Intelligence • Machine Learning • Future Tech';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The "top N" a share or a count speaks of. */
const TOP = 30;
/**
 * How much of each list an issue keeps (the views show 8 and fold the rest):
 * the whole top 30 of models, the paper's main list, and 15 of the others.
 * An issue is kept for good, so its size is a year's archive (≈ 30 KB each).
 */
const LIST_LENGTH: Partial<Record<SourceId, number>> = { 'hf-models': TOP };
const OTHER_LIST_LENGTH = 15;

export function composeIssue(inputs: IssueInputs): Issue {
  const c = new Context(inputs);
  return {
    number: inputs.number,
    publishedAt: inputs.now,
    masthead: {
      name: PAPER_NAME,
      tagline: TAGLINE,
      dateline: new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(inputs.now),
      sources: (Object.keys(SOURCE_INFO) as SourceId[])
        .filter((id) => inputs.enabled[id])
        .map((id) => {
          const status = inputs.windows[id]?.status;
          return {
            sourceId: id,
            label: SOURCE_INFO[id].label,
            ...(status?.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}),
            failing: isFailing(status),
          };
        }),
    },
    lead: lead(c),
    analysis: analysis(c),
    tools: tools(c),
    trending: {
      models: entries(c, 'hf-models'),
      datasets: entries(c, 'hf-datasets'),
      repositories: entries(c, c.weeklyRepos()),
      spaces: entries(c, 'hf-spaces'),
    },
    movers: movers(c),
    reading: reading(c),
  };
}

/** Reads shared by every section: a source's latest list, its baseline (a week back, or as far as the history goes). */
class Context {
  private readonly lists = new Map<SourceId, Row[]>();
  constructor(readonly inputs: IssueInputs) {}

  window(id: SourceId): SourceWindow | undefined {
    return this.inputs.enabled[id] ? this.inputs.windows[id] : undefined;
  }
  latest(id: SourceId): Snapshot | undefined {
    return latestOf(this.window(id));
  }
  rows(id: SourceId): Row[] {
    let rows = this.lists.get(id);
    if (!rows) {
      const window = this.window(id);
      const latest = latestOf(window);
      rows = window && latest ? rowsOf(window, latest, this.inputs.filters) : [];
      this.lists.set(id, rows);
    }
    return rows;
  }
  /** The list to compare with for "this week": a week back, or the oldest list a day old or more. */
  baseline(id: SourceId): Snapshot | undefined {
    return baselineOf(this.window(id), WEEK_MS);
  }
  /** The list to compare with for "since yesterday". */
  dayBaseline(id: SourceId): Snapshot | undefined {
    return baselineOf(this.window(id), DAY_MS);
  }
  /** GitHub's weekly AI/ML trending repositories, or the daily page when the weekly one is missing. */
  weeklyRepos(): SourceId {
    return this.rows('gh-trending-weekly').length > 0 ? 'gh-trending-weekly' : 'gh-trending-daily';
  }
  /** "yesterday", "Tuesday", "earlier today": when a comparison starts, without a number. */
  since(at: number): string {
    const now = new Date(this.inputs.now);
    const then = new Date(at);
    if (then.toDateString() === now.toDateString()) return 'earlier today';
    const yesterday = new Date(this.inputs.now - DAY_MS);
    if (then.toDateString() === yesterday.toDateString()) return 'yesterday';
    return this.inputs.now - at < 6.5 * DAY_MS
      ? new Intl.DateTimeFormat('en', { weekday: 'long' }).format(at)
      : 'a week ago';
  }
}

// ---------- claims: each returns what it prints ----------

const n = (value: number) => fullNumber(value);

function rankClaim(sourceId: SourceId, row: Row, at: number): Claim {
  return { kind: 'rank', sourceId, itemId: row.itemId, at, rank: row.rank, printed: [String(row.rank)] };
}

function climbClaim(sourceId: SourceId, itemId: string, fromAt: number, toAt: number, fromRank: number, toRank: number): Claim {
  return { kind: 'climb', sourceId, itemId, fromAt, toAt, fromRank, toRank, printed: [String(fromRank), String(toRank), String(fromRank - toRank)] };
}

function metricClaim(sourceId: SourceId, row: Row, at: number, metric: MetricName): Claim | undefined {
  const value = row.metrics[metric];
  return value === undefined ? undefined : { kind: 'metric', sourceId, itemId: row.itemId, at, metric, value, printed: [n(value)] };
}

function countClaim(sourceId: SourceId, at: number, top: number, field: Extract<Claim, { kind: 'count' }>['field'], value: string, count: number): Claim {
  return { kind: 'count', sourceId, at, top, field, value, count, printed: [n(count), String(top)] };
}

// ---------- lead ----------

function lead(c: Context): Story {
  const claims: Claim[] = [];
  const models = c.rows('hf-models');
  const latest = c.latest('hf-models');
  if (!latest || models.length === 0) {
    return {
      kicker: 'Lead',
      headline: 'The first edition is on its way',
      standfirst: 'The Post has no trending lists yet: this issue fills in as soon as the first refresh lands.',
      paragraphs: ['The AI Morning Post reads Hugging Face and GitHub from this browser and keeps their trending lists here. Nothing has arrived yet.'],
      claims,
    };
  }
  const top = models.slice(0, TOP);
  const baseline = c.dayBaseline('hf-models');
  const climbs = baseline
    ? top
        .map((row) => ({ row, before: rankIn(baseline, row.key) }))
        .filter((entry): entry is { row: Row; before: number } => entry.before !== undefined && entry.before > entry.row.rank)
        .sort((a, b) => b.before - b.row.rank - (a.before - a.row.rank))
    : [];
  const fresh = baseline ? top.filter((row) => rankIn(baseline, row.key) === undefined) : [];
  const first = top[0]!;
  const best = climbs[0];

  let headline: string;
  if (best && best.before - best.row.rank >= 5) {
    claims.push(climbClaim('hf-models', best.row.itemId, baseline!.fetchedAt, latest.fetchedAt, best.before, best.row.rank));
    headline = `${shortName(best.row.item.name)} climbs ${best.before - best.row.rank} places to No. ${best.row.rank} on Hugging Face`;
  } else if (fresh[0] === first) {
    claims.push(rankClaim('hf-models', first, latest.fetchedAt));
    headline = `${shortName(first.item.name)} enters Hugging Face's trending list at No. ${first.rank}`;
  } else {
    headline = `${shortName(first.item.name)} leads Hugging Face's trending models`;
  }

  const tasks = tally(top.map((row) => row.item.task));
  const topTask = tasks[0];
  let standfirst: string | undefined;
  if (topTask && topTask.count >= 2) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'task', topTask.value, topTask.count));
    standfirst = `${capitalise(topTask.value)} models take ${n(topTask.count)} of the top ${top.length} places`;
    if (baseline) {
      claims.push({ kind: 'new-entries', sourceId: 'hf-models', sinceAt: baseline.fetchedAt, at: latest.fetchedAt, itemIds: fresh.map((row) => row.itemId), printed: [String(fresh.length)] });
      standfirst += fresh.length > 0 ? `, and ${fresh.length} ${fresh.length === 1 ? 'model is' : 'models are'} new since ${c.since(baseline.fetchedAt)}.` : `; no model is new since ${c.since(baseline.fetchedAt)}.`;
    } else {
      standfirst += '.';
    }
  }

  const paragraphs: string[] = [];
  if (baseline && climbs.length > 0) {
    const shown = climbs.slice(0, 3);
    for (const { row, before } of shown) claims.push(climbClaim('hf-models', row.itemId, baseline.fetchedAt, latest.fetchedAt, before, row.rank));
    const [head, ...rest] = shown;
    let text = `Since ${c.since(baseline.fetchedAt)}, ${head!.row.item.name} rose from No. ${head!.before} to No. ${head!.row.rank}, the largest climb in the top ${top.length}.`;
    if (rest.length > 0) text += ` ${joinAnd(rest.map(({ row, before }) => `${row.item.name} (No. ${before} to No. ${row.rank})`))} ${rest.length === 1 ? 'also moved' : 'followed'} up.`;
    paragraphs.push(text);
  } else {
    const score = metricClaim('hf-models', first, latest.fetchedAt, 'trendingScore');
    const likes = metricClaim('hf-models', first, latest.fetchedAt, 'likes');
    claims.push(rankClaim('hf-models', first, latest.fetchedAt));
    if (score) claims.push(score);
    if (likes) claims.push(likes);
    const figures = [score ? `a trending score of ${score.printed[0]}` : undefined, likes ? `${likes.printed[0]} likes` : undefined].filter(Boolean);
    paragraphs.push(
      `${first.item.name} is No. ${first.rank} on Hugging Face's trending models${figures.length ? `, with ${joinAnd(figures as string[])}` : ''}.` +
        (baseline ? ' No model in the top of the list climbed since the last comparison.' : ' From this issue on, the Post keeps the lists and reports what moves.'),
    );
  }
  if (baseline && fresh.length > 0) {
    const named = fresh.slice(0, 3);
    const highest = fresh[0]!;
    claims.push(rankClaim('hf-models', highest, latest.fetchedAt));
    const more = fresh.length - named.length;
    paragraphs.push(
      `New on the list since ${c.since(baseline.fetchedAt)}: ${joinAnd(named.map((row) => row.item.name))}${more > 0 ? ` and ${more} more` : ''}. The highest of them, ${highest.item.name}, entered at No. ${highest.rank}.`,
    );
  }
  const dominance: string[] = [];
  const secondTask = tasks[1];
  if (topTask && secondTask && secondTask.count >= 2) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'task', secondTask.value, secondTask.count));
    dominance.push(`${capitalise(topTask.value)} models account for ${n(topTask.count)} of the top ${top.length} and ${secondTask.value} models for ${n(secondTask.count)}.`);
  }
  const owner = mostCommon(top.map((row) => ownerOf(row.itemId)));
  if (owner && owner.count >= 2) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'owner', owner.value, owner.count));
    dominance.push(`${owner.value} has ${n(owner.count)} models in the list, more than any other author.`);
  }
  const family = mostCommon(top.map((row) => familyOf(row.item)));
  if (family && family.count >= 3) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'family', family.value, family.count));
    dominance.push(`${n(family.count)} entries build on ${family.value}.`);
  }
  if (dominance.length > 0) paragraphs.push(dominance.join(' '));
  return { kicker: 'Lead', headline, ...(standfirst ? { standfirst } : {}), paragraphs, claims };
}

// ---------- analysis ----------

function analysis(c: Context): Story[] {
  const pieces = [familyPiece(c), taskMixPiece(c), starsPiece(c), languagesPiece(c), papersPiece(c)].filter(
    (piece): piece is Story => piece !== undefined,
  );
  const kickers = ['Deep Dive', 'Opinion & Analysis'];
  return pieces.slice(0, 4).map((piece, index) => ({ ...piece, kicker: kickers[index] ?? 'By the Numbers' }));
}

/** The share of the top 30 built on one base model: significant from 4 entries. */
function familyPiece(c: Context): Story | undefined {
  const latest = c.latest('hf-models');
  const top = c.rows('hf-models').slice(0, TOP);
  const family = mostCommon(top.map((row) => familyOf(row.item)));
  if (!latest || !family || family.count < 4) return undefined;
  const members = top.filter((row) => familyOf(row.item) === family.value);
  const claims: Claim[] = [countClaim('hf-models', latest.fetchedAt, top.length, 'family', family.value, family.count)];
  const paragraphs = [
    `${n(family.count)} of the top ${top.length} trending models on Hugging Face build on ${family.value}: the original release and the community's fine-tunes, quantisations and merges of it.`,
  ];
  const formats = tally(top.map((row) => formatOf(row.item)));
  if (formats[0] && formats[0].count >= 2) {
    claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'format', formats[0].value, formats[0].count));
    const other = formats[1];
    if (other && other.count >= 1) claims.push(countClaim('hf-models', latest.fetchedAt, top.length, 'format', other.value, other.count));
    paragraphs.push(
      `Packaging for local use is a large part of it: ${n(formats[0].count)} of the ${top.length} are ${formats[0].value} builds` +
        (other ? ` and ${n(other.count)} are ${other.value}.` : '.'),
    );
  }
  const authors = [...new Set(members.map((row) => ownerOf(row.itemId)).filter((owner): owner is string => !!owner))];
  const highest = members[0]!;
  claims.push(rankClaim('hf-models', highest, latest.fetchedAt));
  const named = authors.length > 4 ? `${authors.slice(0, 4).join(', ')} and others` : joinAnd(authors);
  paragraphs.push(
    `${authors.length === 1 ? `They all come from ${named}` : `They come from ${named}`}; the highest-ranked of them, ${highest.item.name}, is at No. ${highest.rank}.`,
  );
  return { kicker: '', headline: `${family.value} and its derivatives hold ${n(family.count)} of the top ${top.length}`, paragraphs, claims };
}

/** The task mix against last week: significant when a task gained or lost 3 places or more, over 5 days or more. */
function taskMixPiece(c: Context): Story | undefined {
  const latest = c.latest('hf-models');
  const baseline = c.baseline('hf-models');
  const window = c.window('hf-models');
  if (!latest || !baseline || !window || latest.fetchedAt - baseline.fetchedAt < 5 * DAY_MS) return undefined;
  const now = c.rows('hf-models').slice(0, TOP);
  const before = rowsOf(window, baseline, c.inputs.filters).slice(0, TOP);
  const countNow = new Map(tally(now.map((row) => row.item.task)).map((entry) => [entry.value, entry.count]));
  const countBefore = new Map(tally(before.map((row) => row.item.task)).map((entry) => [entry.value, entry.count]));
  const changes = [...new Set([...countNow.keys(), ...countBefore.keys()])]
    .map((task) => ({ task, now: countNow.get(task) ?? 0, before: countBefore.get(task) ?? 0 }))
    .filter((change) => Math.abs(change.now - change.before) >= 3)
    .sort((a, b) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before));
  if (changes.length === 0) return undefined;
  const claims: Claim[] = [];
  const sentences = changes.slice(0, 3).map((change) => {
    claims.push(countClaim('hf-models', latest.fetchedAt, now.length, 'task', change.task, change.now));
    claims.push(countClaim('hf-models', baseline.fetchedAt, before.length, 'task', change.task, change.before));
    return `${capitalise(change.task)} holds ${n(change.now)} of the top ${now.length} places, against ${n(change.before)} ${c.since(baseline.fetchedAt)}.`;
  });
  const lead = changes[0]!;
  return {
    kicker: '',
    headline: `${capitalise(lead.task)} ${lead.now > lead.before ? 'gains ground' : 'gives ground'} on Hugging Face`,
    paragraphs: [sentences.join(' ')],
    claims,
  };
}

/** Stars concentrated in a few repositories: significant when the top 3 of 5 or more gather half the week's stars. */
function starsPiece(c: Context): Story | undefined {
  const id = c.weeklyRepos();
  const latest = c.latest(id);
  const rows = c.rows(id).filter((row) => row.metrics.starsInPeriod !== undefined);
  if (!latest || rows.length < 5) return undefined;
  const byStars = [...rows].sort((a, b) => b.metrics.starsInPeriod! - a.metrics.starsInPeriod!);
  const leaders = byStars.slice(0, 3);
  const part = leaders.reduce((sum, row) => sum + row.metrics.starsInPeriod!, 0);
  const whole = rows.reduce((sum, row) => sum + row.metrics.starsInPeriod!, 0);
  const percent = Math.round((100 * part) / whole);
  if (percent < 50) return undefined;
  const period = id === 'gh-trending-weekly' ? 'this week' : 'today';
  const claims: Claim[] = [
    { kind: 'share', sourceId: id, at: latest.fetchedAt, metric: 'starsInPeriod', itemIds: leaders.map((row) => row.itemId), part, whole, of: rows.length, percent, printed: [`${percent}%`, n(whole), String(rows.length)] },
  ];
  const [first] = leaders;
  const firstClaim = metricClaim(id, first!, latest.fetchedAt, 'starsInPeriod')!;
  claims.push(firstClaim);
  return {
    kicker: '',
    headline: `Three repositories take ${percent}% of the AI stars on GitHub ${period}`,
    paragraphs: [
      `${joinAnd(leaders.map((row) => row.item.name))} gathered ${percent}% of the ${n(whole)} stars that the ${rows.length} AI/ML repositories on GitHub's trending page gained ${period}.`,
      `${first!.item.name} alone drew ${firstClaim.printed[0]}${first!.item.description ? `; its description reads: “${sentence(first!.item.description, 120)}”` : '.'}`,
    ],
    claims,
  };
}

/** Languages of the week's AI/ML repositories: significant from 5 repositories. */
function languagesPiece(c: Context): Story | undefined {
  const id = c.weeklyRepos();
  const latest = c.latest(id);
  const rows = c.rows(id);
  const languages = tally(rows.map((row) => row.item.language));
  if (!latest || rows.length < 5 || !languages[0] || languages[0].count < 2) return undefined;
  const claims: Claim[] = languages.slice(0, 3).map((entry) => countClaim(id, latest.fetchedAt, rows.length, 'language', entry.value, entry.count));
  const [first, ...rest] = languages.slice(0, 3);
  const period = id === 'gh-trending-weekly' ? 'this week' : 'today';
  return {
    kicker: '',
    headline: `${first!.value} writes most of the AI on GitHub ${period}`,
    paragraphs: [
      `${first!.value} accounts for ${n(first!.count)} of the ${rows.length} AI/ML repositories trending on GitHub ${period}` +
        (rest.length ? `, ${joinAnd(rest.map((entry) => `${entry.value} for ${n(entry.count)}`))}.` : '.'),
    ],
    claims,
  };
}

/** Papers that share their code: significant from 5 papers. */
function papersPiece(c: Context): Story | undefined {
  const papers = weekPapers(c);
  const latest = c.latest('hf-papers');
  if (!latest || papers.length < 5) return undefined;
  const top = papers.slice(0, 10);
  const withCode = top.filter((paper) => paper.codeUrl).length;
  const claims: Claim[] = [countClaim('hf-papers', latest.fetchedAt, top.length, 'hasCode', 'yes', withCode)];
  return {
    kicker: '',
    headline: withCode * 2 >= top.length ? 'Most of the week’s top papers ship their code' : 'Few of the week’s top papers ship their code',
    paragraphs: [`${n(withCode)} of the ${top.length} most upvoted papers of the week on Hugging Face link a code repository.`],
    claims,
  };
}

// ---------- tools of the week ----------

function tools(c: Context): Tool[] {
  const picks: Tool[] = [];
  const taken = new Set<string>();
  const add = (tool: Tool | undefined) => {
    if (tool && !taken.has(`${tool.sourceId}:${tool.itemId}`) && picks.length < 4) {
      taken.add(`${tool.sourceId}:${tool.itemId}`);
      picks.push(tool);
    }
  };
  add(fastestGrowing(c, 'hf-models', 'likes', 'model'));
  add(topBy(c, 'hf-spaces', 'likes', 'space', (value) => `${value} likes`));
  const weekly = c.weeklyRepos();
  add(topBy(c, weekly, 'starsInPeriod', 'repository', (value) => `${value} stars ${weekly === 'gh-trending-weekly' ? 'this week' : 'today'}`));
  add(topBy(c, 'gh-search', 'stars', 'repository', (value) => `${value} stars in its first weeks`, taken));
  // Fewer than four sources answered: fill from what there is.
  for (const [id, kind] of [['hf-models', 'model'], ['hf-spaces', 'space'], [weekly, 'repository']] as const) {
    for (const row of c.rows(id).slice(1, 4)) add(toolFrom(c, id, row, kind, 'trendingScore', (value) => `trending score ${value}`) ?? toolFrom(c, id, row, kind, 'stars', (value) => `${value} stars`));
  }
  return picks;
}

function toolFrom(c: Context, id: SourceId, row: Row, kind: Tool['kind'], metric: MetricName, figure: (value: string) => string): Tool | undefined {
  const latest = c.latest(id);
  const claim = latest ? metricClaim(id, row, latest.fetchedAt, metric) : undefined;
  if (!claim) return undefined;
  return { kind, sourceId: id, itemId: row.itemId, name: row.item.name, url: row.item.url, description: describe(row, kind), figure: figure(claim.printed[0]!), claim };
}

function topBy(c: Context, id: SourceId, metric: MetricName, kind: Tool['kind'], figure: (value: string) => string, skip?: Set<string>): Tool | undefined {
  const row = [...c.rows(id)]
    .filter((candidate) => candidate.metrics[metric] !== undefined && !skip?.has(`${id}:${candidate.itemId}`))
    .sort((a, b) => b.metrics[metric]! - a.metrics[metric]!)[0];
  return row ? toolFrom(c, id, row, kind, metric, figure) : undefined;
}

/** The item whose metric grew fastest per day since the baseline; the top of the list when there is no history yet. */
function fastestGrowing(c: Context, id: SourceId, metric: MetricName, kind: Tool['kind']): Tool | undefined {
  const growth = growthOf(c, id, metric)[0];
  if (growth) {
    return {
      kind,
      sourceId: id,
      itemId: growth.row.itemId,
      name: growth.row.item.name,
      url: growth.row.item.url,
      description: describe(growth.row, kind),
      figure: `+${n(growth.perDay)} ${metric} a day`,
      claim: growth.claim,
    };
  }
  const first = c.rows(id)[0];
  return first ? toolFrom(c, id, first, kind, 'trendingScore', (value) => `trending score ${value}`) : undefined;
}

function describe(row: Row, kind: Tool['kind']): string {
  if (row.item.description) return sentence(row.item.description, 140);
  const owner = ownerOf(row.itemId);
  if (kind === 'space') return `A ${row.item.sdk ? `${capitalise(row.item.sdk)} ` : ''}Space${owner ? ` by ${owner}` : ''}.`;
  if (kind === 'model') {
    const what = row.item.task ? `${capitalise(row.item.task)} model` : 'Model';
    return `${what}${owner ? ` from ${owner}` : ''}${row.item.library ? `, for ${row.item.library}` : ''}.`;
  }
  return `A ${row.item.language ?? ''} repository${owner ? ` by ${owner}` : ''}.`.replace('A  ', 'A ');
}

// ---------- trending ----------

function entries(c: Context, id: SourceId): Entry[] {
  const baseline = c.baseline(id);
  return c.rows(id).slice(0, LIST_LENGTH[id] ?? OTHER_LIST_LENGTH).map((row) => {
    const before = rankIn(baseline, row.key);
    const chip = row.item.task ?? row.item.sdk ?? row.item.language;
    return {
      sourceId: id,
      itemId: row.itemId,
      rank: row.rank,
      name: row.item.name,
      url: row.item.url,
      // Only repositories show a description in the lists.
      ...(row.item.description && SOURCE_INFO[id].family === 'github' ? { description: sentence(row.item.description, 140) } : {}),
      ...(chip ? { chip } : {}),
      metrics: row.metrics,
      ...(before !== undefined && before !== row.rank ? { climbed: before - row.rank } : {}),
      isNew: baseline !== undefined && before === undefined,
    };
  });
}

// ---------- movers ----------

const CLIMB_SOURCES: SourceId[] = ['hf-models', 'hf-datasets', 'hf-spaces'];

function movers(c: Context): Issue['movers'] {
  const sinceAt = c.baseline('hf-models')?.fetchedAt;
  const climbers: Mover[] = [];
  for (const id of CLIMB_SOURCES) {
    const baseline = c.baseline(id);
    const latest = c.latest(id);
    const window = c.window(id);
    if (!baseline || !latest || !window) continue;
    const days = dailySnapshots(window, baseline.fetchedAt);
    for (const row of c.rows(id).slice(0, TOP)) {
      const before = rankIn(baseline, row.key);
      if (before !== undefined && before - row.rank < 3) continue;
      if (before === undefined && row.rank > 10) continue;
      climbers.push({
        sourceId: id,
        itemId: row.itemId,
        name: row.item.name,
        url: row.item.url,
        rank: row.rank,
        isNew: before === undefined,
        ...(before !== undefined ? { climbed: before - row.rank } : {}),
        sinceAt: baseline.fetchedAt,
        sparkline: pointsOf(days, row.key).map((point) => point.rank),
        sparklineOf: 'rank',
        claim: before !== undefined ? climbClaim(id, row.itemId, baseline.fetchedAt, latest.fetchedAt, before, row.rank) : rankClaim(id, row, latest.fetchedAt),
      });
    }
  }
  // Biggest climbs first; new entries by rank after them.
  climbers.sort((a, b) => (b.climbed ?? -1) - (a.climbed ?? -1) || a.rank - b.rank);

  const growth: Mover[] = [];
  for (const [id, metric] of [['hf-models', 'likes'], ['hf-spaces', 'likes'], ['gh-trending-daily', 'stars'], ['gh-search', 'stars']] as const) {
    const window = c.window(id);
    for (const entry of growthOf(c, id, metric).slice(0, 3)) {
      const days = window ? dailySnapshots(window, entry.fromAt) : [];
      growth.push({
        sourceId: id,
        itemId: entry.row.itemId,
        name: entry.row.item.name,
        url: entry.row.item.url,
        rank: entry.row.rank,
        isNew: false,
        perDay: entry.perDay,
        metric,
        sinceAt: entry.fromAt,
        sparkline: pointsOf(days, entry.row.key, metric).flatMap((point) => (point.value === undefined ? [] : [point.value])),
        sparklineOf: metric,
        claim: entry.claim,
      });
    }
  }
  growth.sort((a, b) => b.perDay! - a.perDay!);
  return { ...(sinceAt !== undefined ? { sinceAt } : {}), climbers: climbers.slice(0, 6), growth: growth.slice(0, 6) };
}

interface Growth {
  row: Row;
  perDay: number;
  fromAt: number;
  claim: Claim;
}

/** Growth of a metric per day, from the item's first sighting in the window (at least a day back) to now. */
function growthOf(c: Context, id: SourceId, metric: MetricName): Growth[] {
  const window = c.window(id);
  const latest = c.latest(id);
  const baseline = c.baseline(id);
  if (!window || !latest || !baseline) return [];
  const growth: Growth[] = [];
  for (const row of c.rows(id).slice(0, TOP)) {
    const points = pointsOf(window.snapshots, row.key, metric).filter((point) => point.at >= baseline.fetchedAt && point.value !== undefined);
    const first = points[0];
    const last = points.at(-1);
    if (!first || !last || last.at - first.at < MIN_GROWTH_SPAN_MS) continue;
    const perDay = Math.round((last.value! - first.value!) / daysBetween(first.at, last.at));
    if (perDay <= 0) continue;
    growth.push({
      row,
      perDay,
      fromAt: first.at,
      claim: { kind: 'growth', sourceId: id, itemId: row.itemId, metric, fromAt: first.at, toAt: last.at, fromValue: first.value!, toValue: last.value!, perDay, printed: [n(perDay)] },
    });
  }
  return growth.sort((a, b) => b.perDay - a.perDay);
}

const MIN_GROWTH_SPAN_MS = 20 * 60 * 60 * 1000;

// ---------- weekend reading ----------

/** Every paper seen in the week's daily lists, with its latest upvotes, most upvoted first. */
function weekPapers(c: Context): Paper[] {
  const window = c.window('hf-papers');
  const latest = c.latest('hf-papers');
  if (!window || !latest) return [];
  const newest = new Map<number, { upvotes: number; key: number }>();
  for (const snapshot of window.snapshots) {
    if (snapshot.fetchedAt < latest.fetchedAt - WEEK_MS) continue;
    snapshot.keys.forEach((key, index) => newest.set(key, { key, upvotes: snapshot.metrics.upvotes?.[index] ?? 0 }));
  }
  const papers: Paper[] = [];
  for (const { key, upvotes } of newest.values()) {
    const item = window.items.get(key);
    if (!item) continue;
    papers.push({
      arxivId: item.itemId,
      title: item.name,
      url: item.url,
      ...(item.codeUrl ? { codeUrl: item.codeUrl } : {}),
      authors: item.authors ?? [],
      upvotes,
      ...(item.description ? { summary: sentence(item.description, 220) } : {}),
    });
  }
  return papers.sort((a, b) => b.upvotes - a.upvotes);
}

function reading(c: Context): Paper[] {
  return weekPapers(c).slice(0, 5);
}

// ---------- words ----------

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Trim remote text to a sentence-sized snippet at a word boundary, ending with a full stop. */
function sentence(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const cut = clean.length > max ? `${clean.slice(0, clean.lastIndexOf(' ', max - 1)).replace(/[,;:.\s]+$/, '')}…` : clean;
  return /[.!?…"”)]$/.test(cut) ? cut : `${cut}.`;
}

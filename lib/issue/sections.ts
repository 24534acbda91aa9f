import type { ListFilters } from '../shared/filters';
import type { Entry, Issue, LeftOut, Mover, Paper, Tool } from '../shared/issue-types';
import { seriesOf } from '../shared/growth';
import { dailySnapshots, rankIn } from '../shared/movement';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import { ownerOf } from './classify';
import {
  climbClaim,
  growthOf,
  metricClaim,
  rankClaim,
  TOP,
  topBy,
  weekPapers,
  type Facts,
  type Row,
} from './facts';
import { capitalise, formatCount, moversHeading, periodOf, sentence, withArticle } from './prose';

/**
 * The issue's fixed sections — tools of the week, trending lists, movers,
 * reading — from the facts. Like the pieces, they state only figures their
 * claims back.
 */

/**
 * How much of each list an issue keeps (the views show 8 and fold the rest):
 * the whole top 30 of models, and 15 of the others. An issue is kept for good,
 * so its size is a year's archive.
 */
const LIST_LENGTH: Partial<Record<SourceId, number>> = { 'hf-models': TOP };
const OTHER_LIST_LENGTH = 15;

// ---------- tools of the week ----------

export function tools(facts: Facts): Tool[] {
  const picks: Tool[] = [];
  const taken = new Set<string>();
  const add = (tool: Tool | undefined) => {
    if (tool && !taken.has(`${tool.sourceId}:${tool.itemId}`) && picks.length < 4) {
      taken.add(`${tool.sourceId}:${tool.itemId}`);
      picks.push(tool);
    }
  };
  add(fastestGrowing(facts, 'hf-models', 'likes', 'model'));
  add(best(facts, 'hf-spaces', 'likes', 'space', (value, count) => `${value} ${count === 1 ? 'like' : 'likes'}`));
  const period = periodOf(facts.repos);
  add(best(facts, facts.repos, 'starsInPeriod', 'repository', (value, count) => `${value} ${count === 1 ? 'star' : 'stars'} ${period}`));
  // Search rows are checked against their own creation date (lib/shared/filters.ts): at most 30 days old.
  add(best(facts, 'gh-search', 'stars', 'repository', (value, count) => `${value} ${count === 1 ? 'star' : 'stars'} in its first month`, taken));
  // Fewer than four sources answered: fill from what there is.
  for (const [id, kind] of [['hf-models', 'model'], ['hf-spaces', 'space'], [facts.repos, 'repository']] as const) {
    for (const row of facts.lists[id].rows.slice(1, 4)) {
      add(toolFrom(facts, id, row, kind, 'trendingScore', (value) => `trending score ${value}`) ?? toolFrom(facts, id, row, kind, 'stars', (value, count) => `${value} ${count === 1 ? 'star' : 'stars'}`));
    }
  }
  return picks;
}

function toolFrom(facts: Facts, id: SourceId, row: Row, kind: Tool['kind'], metric: MetricName, figure: (value: string, count: number) => string): Tool | undefined {
  const latest = facts.lists[id].latest;
  const claim = latest ? metricClaim(id, row, latest.fetchedAt, metric) : undefined;
  if (!claim) return undefined;
  return { kind, sourceId: id, itemId: row.itemId, name: row.item.name, url: row.item.url, description: describe(row, kind), figure: figure(claim.printed[0]!, claim.value), claim };
}

function best(facts: Facts, id: SourceId, metric: MetricName, kind: Tool['kind'], figure: (value: string, count: number) => string, skip?: Set<string>): Tool | undefined {
  const row = topBy(facts.lists[id].rows, metric, (candidate) => skip?.has(`${id}:${candidate.itemId}`) ?? false);
  return row ? toolFrom(facts, id, row, kind, metric, figure) : undefined;
}

/** The item whose metric grew fastest per day over the week; the top of the list when there is no history yet. */
function fastestGrowing(facts: Facts, id: SourceId, metric: MetricName, kind: Tool['kind']): Tool | undefined {
  const growth = growthOf(facts.lists[id], metric)[0];
  if (growth) {
    return {
      kind,
      sourceId: id,
      itemId: growth.row.itemId,
      name: growth.row.item.name,
      url: growth.row.item.url,
      description: describe(growth.row, kind),
      figure: `+${formatCount(growth.perDay)} ${growth.perDay === 1 ? metric.replace(/s$/, '') : metric} a day`,
      claim: growth.claim,
    };
  }
  const first = facts.lists[id].rows[0];
  return first ? toolFrom(facts, id, first, kind, 'trendingScore', (value) => `trending score ${value}`) : undefined;
}

function describe(row: Row, kind: Tool['kind']): string {
  const description = row.item.description ? sentence(row.item.description, 140) : '';
  if (description) return description;
  const owner = ownerOf(row.itemId);
  const by = owner ? ` by ${owner}` : '';
  if (kind === 'space') return `${capitalise(withArticle(row.item.sdk ? `${capitalise(row.item.sdk)} Space` : 'Space'))}${by}.`;
  if (kind === 'model') {
    const what = row.item.task ? `${capitalise(row.item.task)} model` : 'Model';
    return `${what}${owner ? ` from ${owner}` : ''}${row.item.library ? `, for ${row.item.library}` : ''}.`;
  }
  return `${capitalise(withArticle(row.item.language ? `${row.item.language} repository` : 'repository'))}${by}.`;
}

// ---------- trending lists ----------

export function entries(facts: Facts, id: SourceId): Entry[] {
  const list = facts.lists[id];
  const baseline = list.week;
  return list.rows.slice(0, LIST_LENGTH[id] ?? OTHER_LIST_LENGTH).map((row) => {
    const before = rankIn(baseline, row.key);
    const chip = row.item.task ?? row.item.sdk ?? row.item.language;
    const description = row.item.description && SOURCE_INFO[id].family === 'github' ? sentence(row.item.description, 140) : '';
    return {
      sourceId: id,
      itemId: row.itemId,
      rank: row.rank,
      name: row.item.name,
      url: row.item.url,
      // Only repositories show a description in the lists.
      ...(description ? { description } : {}),
      ...(chip ? { chip } : {}),
      metrics: row.metrics,
      ...(before !== undefined && before !== row.rank ? { climbed: before - row.rank } : {}),
      isNew: baseline !== undefined && before === undefined,
    };
  });
}

/**
 * The rows of the source's list above `kept`'s last one that `kept` does not hold: the reader's filters and the
 * AI/ML rule left them out (or, rarely, the history has no item for a key). Ranks in `kept` are the source's own,
 * distinct, so these are the last rank less the rows kept. Undefined when nothing was left out.
 */
export function leftOut(id: SourceId, kept: readonly Entry[], filters: ListFilters): LeftOut | undefined {
  const last = kept.at(-1);
  const count = last ? last.rank - kept.length : 0;
  if (count <= 0) return undefined;
  const github = SOURCE_INFO[id].family === 'github';
  return { count, why: github && filters.githubLanguages.length === 0 ? 'not-ai' : 'filters' };
}

// ---------- movers ----------

const CLIMB_SOURCES: SourceId[] = ['hf-models', 'hf-datasets', 'hf-spaces'];
/** A climb of fewer places is noise; a new entry below this rank is not a mover. */
const MIN_CLIMB = 3;
const NEW_ENTRY_MAX_RANK = 10;

export function movers(facts: Facts): Issue['movers'] {
  const sinceAt = facts.lists['hf-models'].week?.fetchedAt;
  const climbers: Mover[] = [];
  for (const id of CLIMB_SOURCES) {
    const list = facts.lists[id];
    const { week: baseline, latest } = list;
    if (!baseline || !latest) continue;
    const days = dailySnapshots(list.snapshots, baseline.fetchedAt, facts.timeZone);
    for (const row of list.top) {
      const before = rankIn(baseline, row.key);
      if (before !== undefined && before - row.rank < MIN_CLIMB) continue;
      if (before === undefined && row.rank > NEW_ENTRY_MAX_RANK) continue;
      climbers.push({
        sourceId: id,
        itemId: row.itemId,
        name: row.item.name,
        url: row.item.url,
        rank: row.rank,
        isNew: before === undefined,
        ...(before !== undefined ? { climbed: before - row.rank } : {}),
        sinceAt: baseline.fetchedAt,
        sparkline: seriesOf(days, row.key).map((point) => point.rank),
        sparklineOf: 'rank',
        claim: before !== undefined ? climbClaim(id, row.itemId, baseline.fetchedAt, latest.fetchedAt, before, row.rank) : rankClaim(id, row, latest.fetchedAt),
      });
    }
  }
  // Biggest climbs first; new entries by rank after them.
  climbers.sort((a, b) => (b.climbed ?? -1) - (a.climbed ?? -1) || a.rank - b.rank);

  const growth: Mover[] = [];
  for (const [id, metric] of [['hf-models', 'likes'], ['hf-spaces', 'likes'], ['gh-trending-daily', 'stars'], ['gh-search', 'stars']] as const) {
    const list = facts.lists[id];
    for (const entry of growthOf(list, metric).slice(0, 3)) {
      const days = dailySnapshots(list.snapshots, entry.fromAt, facts.timeZone);
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
        sparkline: seriesOf(days, entry.row.key, metric).flatMap((point) => (point.value === undefined ? [] : [point.value])),
        sparklineOf: metric,
        claim: entry.claim,
      });
    }
  }
  growth.sort((a, b) => b.perDay! - a.perDay! || a.rank - b.rank);
  return {
    heading: moversHeading(sinceAt, facts.now, facts.timeZone),
    ...(sinceAt !== undefined ? { sinceAt } : {}),
    climbers: climbers.slice(0, 6),
    growth: growth.slice(0, 6),
  };
}

// ---------- reading ----------

export function reading(facts: Facts): Paper[] {
  return weekPapers(facts.lists['hf-papers'])
    .slice(0, 5)
    .map(({ item, upvotes }) => {
      const summary = item.description ? sentence(item.description, 220) : '';
      return {
        arxivId: item.itemId,
        title: item.name,
        url: item.url,
        ...(item.codeUrl ? { codeUrl: item.codeUrl } : {}),
        authors: item.authors ?? [],
        upvotes,
        ...(summary ? { summary } : {}),
      };
    });
}

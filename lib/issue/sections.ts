import type { ListFilters } from '../shared/filters';
import type { Claim, Entry, Issue, LeftOut, Mover, Paper, Tool } from '../shared/issue-types';
import { MIN_GROWTH_SPAN_MS, seriesOf } from '../shared/growth';
import { dailySnapshots, rankIn } from '../shared/movement';
import type { MetricName } from '../sources/contract';
import type { SourceId } from '../sources/ids';
import { SOURCE_INFO } from '../sources/info';
import { describeItem } from './context';
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
import { formatCount, moversHeading, periodOf, sentence, sinceWords, WEEK_OF_HISTORY_MS } from './prose';

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

/** A pick is among the first rows of its source's latest trending list, as the reader sees it (issue #11). */
export const TOOL_TOP = 8;

type Taken = ReadonlySet<string>;
const keyOf = (id: SourceId, itemId: string) => `${id}:${itemId}`;

/**
 * Four picks across models, spaces and repositories, chosen by the week's
 * trending figures (issue #11, item 3): each among the first `TOOL_TOP` rows of
 * its source's latest list, and the one of them that gained the most likes or
 * stars since the week's baseline (`weekGain`) — not the most liked of all
 * time. The figure says its period: "+1,204 likes this week" over six days of
 * history or more, "+310 likes since Saturday" over less. GitHub's trending
 * pages count their own period's stars: the repository is the one of their
 * first rows with the most. When no first row gained over a day or more
 * (before a day of history, or a still list): the highest trending score of
 * the first rows, or a new repository's stars in its first month. Fewer than
 * four sources: the next picks of each, by the same rules. Each is described
 * by what it is (`describeTool`).
 */
export function tools(facts: Facts): Tool[] {
  const picks: Tool[] = [];
  const taken = new Set<string>();
  const add = (tool: Tool | undefined) => {
    if (tool && !taken.has(keyOf(tool.sourceId, tool.itemId)) && picks.length < 4) {
      taken.add(keyOf(tool.sourceId, tool.itemId));
      picks.push(tool);
    }
  };
  const model = () => weekGain(facts, 'hf-models', 'likes', 'model', taken) ?? byTrendingScore(facts, 'hf-models', 'model', taken);
  const space = () => weekGain(facts, 'hf-spaces', 'likes', 'space', taken) ?? byTrendingScore(facts, 'hf-spaces', 'space', taken);
  const repository = () => periodStars(facts, facts.repos, taken);
  add(model());
  add(space());
  add(repository());
  // Search rows are checked against their own creation date (lib/shared/filters.ts): at most 30 days old.
  add(weekGain(facts, 'gh-search', 'stars', 'repository', taken) ?? firstMonthStars(facts, taken));
  // Fewer than four sources answered: the next pick of each, by the same rule, until there are four.
  for (let round = 0; round < 3 && picks.length < 4; round++) for (const next of [model, space, repository]) add(next());
  return picks;
}

function toolOf(facts: Facts, id: SourceId, row: Row, kind: Tool['kind'], figure: string, claim: Claim): Tool {
  const { description, claims } = describeTool(facts, id, row);
  return { kind, sourceId: id, itemId: row.itemId, name: row.item.name, url: row.item.url, description, figure, claim, ...(claims.length > 0 ? { claims } : {}) };
}

const candidatesOf = (facts: Facts, id: SourceId, taken: Taken): Row[] => facts.lists[id].rows.slice(0, TOOL_TOP).filter((row) => !taken.has(keyOf(id, row.itemId)));

const UNITS: Partial<Record<MetricName, [string, string]>> = { likes: ['like', 'likes'], stars: ['star', 'stars'], starsInPeriod: ['star', 'stars'] };
const unit = (metric: MetricName, count: number) => {
  const [one, many] = UNITS[metric] ?? [metric, metric];
  return count === 1 ? one : many;
};

/**
 * The first row (of the first `TOOL_TOP`, not yet taken) that gained the most
 * of `metric` since the week's baseline: from its value in the baseline list,
 * or in the first list since that holds it, to its latest — over at least a
 * day's span (20 hours), a positive, exact gain. Ties: the higher-ranked.
 */
function weekGain(facts: Facts, id: SourceId, metric: MetricName, kind: Tool['kind'], taken: Taken): Tool | undefined {
  const list = facts.lists[id];
  const { latest, week } = list;
  if (!latest || !week) return undefined;
  const since = list.snapshots.filter((snapshot) => snapshot.fetchedAt >= week.fetchedAt && snapshot.fetchedAt <= latest.fetchedAt);
  let best: { row: Row; from: { at: number; value: number }; gain: number } | undefined;
  for (const row of candidatesOf(facts, id, taken)) {
    const to = row.metrics[metric];
    const from = seriesOf(since, row.key, metric).find((point) => point.value !== undefined);
    if (to === undefined || !from || from.value === undefined || latest.fetchedAt - from.at < MIN_GROWTH_SPAN_MS) continue;
    const gain = to - from.value;
    if (!Number.isSafeInteger(gain) || !Number.isSafeInteger(to) || gain <= 0) continue;
    if (!best || gain > best.gain) best = { row, from: { at: from.at, value: from.value }, gain };
  }
  if (!best) return undefined;
  const { row, from, gain } = best;
  const period = latest.fetchedAt - from.at >= WEEK_OF_HISTORY_MS ? 'this week' : sinceWords(from.at, facts.now, facts.timeZone);
  const claim: Claim = { kind: 'gain', sourceId: id, itemId: row.itemId, metric, fromAt: from.at, toAt: latest.fetchedAt, fromValue: from.value, toValue: row.metrics[metric]!, printed: [formatCount(gain)] };
  return toolOf(facts, id, row, kind, `+${formatCount(gain)} ${unit(metric, gain)} ${period}`, claim);
}

/**
 * When no first row gained over a day or more (before a day of history, or a still list): the first rows'
 * highest trending score, Hugging Face's own measure of recent likes.
 */
function byTrendingScore(facts: Facts, id: SourceId, kind: Tool['kind'], taken: Taken): Tool | undefined {
  const list = facts.lists[id];
  if (!list.latest) return undefined;
  const row = topBy(candidatesOf(facts, id, taken), 'trendingScore');
  const claim = row && metricClaim(id, row, list.latest.fetchedAt, 'trendingScore');
  return row && claim ? toolOf(facts, id, row, kind, `trending score ${claim.printed[0]}`, claim) : undefined;
}

/** GitHub's trending page counts the stars of its own period: the first rows' most starred (a row with none earned nothing). */
function periodStars(facts: Facts, id: SourceId, taken: Taken): Tool | undefined {
  const latest = facts.lists[id].latest;
  const row = topBy(candidatesOf(facts, id, taken).filter((candidate) => (candidate.metrics.starsInPeriod ?? 0) > 0), 'starsInPeriod');
  const claim = row && latest && metricClaim(id, row, latest.fetchedAt, 'starsInPeriod');
  return row && claim ? toolOf(facts, id, row, 'repository', `${claim.printed[0]} ${unit('stars', claim.value)} ${periodOf(id)}`, claim) : undefined;
}

/** New AI repositories when none gained over a day or more: all their stars are recent ones. */
function firstMonthStars(facts: Facts, taken: Taken): Tool | undefined {
  const list = facts.lists['gh-search'];
  if (!list.latest) return undefined;
  const row = topBy(candidatesOf(facts, 'gh-search', taken), 'stars');
  const claim = row && metricClaim('gh-search', row, list.latest.fetchedAt, 'stars');
  return row && claim ? toolOf(facts, 'gh-search', row, 'repository', `${claim.printed[0]} ${unit('stars', claim.value)} in its first month`, claim) : undefined;
}

/** At most this many characters of an item's own description. */
const DESCRIPTION_MAX = 140;

/**
 * What a pick does: its own description's first sentence when it has one
 * (a repository's, cleaned and bounded), else what its data says it is
 * (lib/issue/context.ts `describeItem`: "A 27B GGUF quantisation of
 * Qwen/Qwen3.8-27B by unsloth, a quantiser."), with the claims behind it.
 */
export function describeTool(facts: Facts, id: SourceId, row: Row): { description: string; claims: Claim[] } {
  const own = row.item.description ? sentence(firstSentence(row.item.description), DESCRIPTION_MAX) : '';
  if (own) return { description: own, claims: [] };
  const described = describeItem(id, row.item, facts.lists[id].latest?.fetchedAt ?? facts.now);
  return { description: described.sentence, claims: described.claims };
}

/**
 * The text up to its first full stop that ends a sentence ("v2.5" and "e.g." do not), without GitHub's emoji
 * shortcodes (":rocket:", which the trending page shows as a picture and the issue would show as text).
 */
function firstSentence(text: string): string {
  const clean = text.replace(/(^|\s):[a-z0-9_+-]{1,40}:(?=\s|$)/g, '$1').replace(/\s+/g, ' ').trim();
  const end = /[.!?。！？](?=\s+\p{Lu}|$)/u.exec(clean);
  // A short "first sentence" is more likely an abbreviation ("e.g. Llama"): the whole text, bounded, then.
  return end && end.index >= 20 ? clean.slice(0, end.index + 1) : clean;
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

import type { Claim, WatchedItem, WatchStory } from '../../shared/issue-types';
import { GROWTH_METRIC } from '../../shared/growth';
import { DAY_MS, metricsAt, rankIn } from '../../shared/movement';
import type { Snapshot } from '../../shared/records';
import { isSavedItemId, savedItemUrl, sourcesOfKind } from '../../shared/saved';
import type { MetricName } from '../../sources/contract';
import type { SourceId } from '../../sources/ids';
import { shortName } from '../classify';
import { climbClaim, type Facts, type ListFacts } from '../facts';
import type { WatchEntry } from '../inputs';
import { clip, formatCount, HEADLINE_NAME_MAX, LIST_NAMES, periodOf, sinceWords, thenWords } from '../prose';

/**
 * The watch piece (issue #10, "Saving and watching"): what happened to the
 * reader's watched items since the last comparison. For each watched item,
 * in each list its kind appears in (a repository: GitHub\'s daily and weekly
 * trending pages and the search for new AI repositories), the latest list is
 * compared with the one the lead compares with (`ListFacts.day`: about a day
 * back, worded by its own age). The rule:
 *
 * - ENTERED: not in the earlier list, in the latest one — always news;
 * - CLIMBED: up `MIN_WATCH_CLIMB` places or more — news; a smaller climb,
 *   no move or a fall (however large) says nothing: the item is still there,
 *   and only leaving the list is news;
 * - LEFT: in the earlier list, not in the latest one — news.
 *
 * A list says nothing at all (no entry, no climb, no departure) when its source
 * is failing (its last attempt failed: the latest list is the last good one,
 * and an absence from it proves nothing), when its latest list is more than
 * `STALE_WATCH_MS` older than the issue, or when there is no earlier list to
 * compare with. Ranks are the source's own, in the whole stored list: the
 * reader named the item, so the reader's filters do not hide it.
 *
 * Every figure is a claim (lib/shared/issue-types.ts: `entered`, `left`,
 * `climb`, `metric`), checked against the stored lists by the oracle
 * (tests/support/oracle/check.ts `checkWatch`). Each paragraph is about one
 * item and names it in its first sentence, so that the pages can link the
 * name (`WatchStory.items`, URLs built from the entry's validated id); no
 * sentence opens with the name, which may be a lower-case handle (issue #11).
 */

/** A climb of fewer places is a reshuffle, not news. */
export const MIN_WATCH_CLIMB = 3;
/** A list older than this at publishing is not news. */
export const STALE_WATCH_MS = DAY_MS;
/** Items the piece speaks of, at most; one more paragraph says that others moved. */
export const MAX_WATCH_ITEMS = 8;


interface Move {
  /** 0 entered, 1 climbed, 2 left: the order the headline prefers. */
  order: number;
  /** The rank now (entered, climbed) or before (left). */
  rank: number;
  sentence: string;
  headline: string;
  claims: Claim[];
}

function valueAt(snapshot: Snapshot, rank: number, metric: MetricName): number | undefined {
  return metricsAt(snapshot, rank - 1)[metric];
}

function metricClaimAt(sourceId: SourceId, itemId: string, snapshot: Snapshot, rank: number, metric: MetricName): (Claim & { kind: 'metric' }) | undefined {
  const value = valueAt(snapshot, rank, metric);
  return value === undefined ? undefined : { kind: 'metric', sourceId, itemId, at: snapshot.fetchedAt, metric, value, printed: [formatCount(value)] };
}

function unit(metric: MetricName, value: number): string {
  const word = metric === 'starsInPeriod' ? 'stars' : metric;
  return value === 1 ? word.replace(/s$/, '') : word;
}

/** What one list says of one watched item, or nothing. */
function moveIn(facts: Facts, list: ListFacts, id: string): { move: Move; name: string } | undefined {
  const { latest, day, sourceId } = list;
  if (!latest || !day || list.failing || facts.now - (list.checkedAt ?? latest.fetchedAt) > STALE_WATCH_MS) return undefined;
  let key: number | undefined;
  for (const [candidate, item] of list.items) if (item.itemId === id) key = candidate;
  if (key === undefined) return undefined;
  const item = list.items.get(key)!;
  const now = rankIn(latest, key);
  const before = rankIn(day, key);
  const listName = LIST_NAMES[sourceId];
  const name = item.name;
  const short = clip(shortName(name), HEADLINE_NAME_MAX);
  if (now !== undefined && before === undefined) {
    // On a trending page, the stars of its period ("532 stars today"); elsewhere, the list's own figure.
    const metric = sourceId.startsWith('gh-trending') ? 'starsInPeriod' : GROWTH_METRIC[sourceId];
    const figure = metricClaimAt(sourceId, id, latest, now, metric);
    const claims: Claim[] = [{ kind: 'entered', sourceId, itemId: id, sinceAt: day.fetchedAt, at: latest.fetchedAt, rank: now, printed: [String(now)] }];
    if (figure) claims.push(figure);
    const period = metric === 'starsInPeriod' ? ` ${periodOf(sourceId)}` : '';
    return {
      name,
      move: {
        order: 0,
        rank: now,
        sentence: `New on ${listName} ${sinceWords(day.fetchedAt, facts.now, facts.timeZone)}: ${name}, at No. ${now}${figure ? `, with ${figure.printed[0]} ${unit(metric, figure.value)}${period}` : ''}.`,
        headline: `${short} enters ${listName} at No. ${now}`,
        claims,
      },
    };
  }
  if (now !== undefined && before !== undefined && before - now >= MIN_WATCH_CLIMB) {
    const metric = GROWTH_METRIC[sourceId];
    const from = metricClaimAt(sourceId, id, day, before, metric);
    const to = metricClaimAt(sourceId, id, latest, now, metric);
    const claims: Claim[] = [climbClaim(sourceId, id, day.fetchedAt, latest.fetchedAt, before, now)];
    const figures = from && to ? `; its ${metric} went from ${from.printed[0]} to ${to.printed[0]}` : '';
    if (from && to) claims.push(from, to);
    return {
      name,
      move: {
        order: 1,
        rank: now,
        sentence: `On ${listName}, ${name} climbed from No. ${before} to No. ${now} ${sinceWords(day.fetchedAt, facts.now, facts.timeZone)}${figures}.`,
        headline: `${short} climbs to No. ${now} on ${listName}`,
        claims,
      },
    };
  }
  if (now === undefined && before !== undefined) {
    return {
      name,
      move: {
        order: 2,
        rank: before,
        sentence: `No longer on ${listName}: ${name}, No. ${before} ${thenWords(day.fetchedAt, facts.now, facts.timeZone)}.`,
        headline: `${short} leaves ${listName}`,
        claims: [{ kind: 'left', sourceId, itemId: id, sinceAt: day.fetchedAt, at: latest.fetchedAt, rank: before, printed: [String(before)] }],
      },
    };
  }
  return undefined;
}

/** Every move of the watched items, one paragraph per item in watchlist order; undefined when nothing watched moved. */
export function writeWatch(facts: Facts, watchlist: readonly WatchEntry[] = facts.watchlist): WatchStory | undefined {
  const paragraphs: string[] = [];
  const items: WatchedItem[] = [];
  const claims: Claim[] = [];
  let best: Move | undefined;
  let others = false;
  for (const entry of watchlist) {
    // Read back from storage.sync already checked (lib/shared/saved.ts); checked again, as its link is built from it.
    if (!isSavedItemId(entry.kind, entry.id)) continue;
    const found = sourcesOfKind(entry.kind).flatMap((sourceId) => {
      const move = moveIn(facts, facts.lists[sourceId], entry.id);
      return move ? [{ ...move, sourceId }] : [];
    });
    if (found.length === 0) continue;
    if (items.length === MAX_WATCH_ITEMS) {
      others = true;
      break;
    }
    const first = found[0]!;
    items.push({ sourceId: first.sourceId, itemId: entry.id, name: first.name, url: savedItemUrl(entry.kind, entry.id) });
    paragraphs.push(found.map(({ move }) => move.sentence).join(' '));
    for (const { move } of found) {
      claims.push(...move.claims);
      if (!best || move.order < best.order || (move.order === best.order && move.rank < best.rank)) best = move;
    }
  }
  if (!best) return undefined;
  if (others) paragraphs.push('Other watched items moved too.');
  return { kicker: 'Your Watchlist', headline: best.headline, paragraphs, claims, items };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleRows } from '@/lib/shared/filters';
import type { MorningPostDB } from '@/lib/history/db';
import type { Snapshot } from '@/lib/shared/records';
import { snapshotAtOrBefore, snapshotsBetween } from '@/lib/history/read';
import { DAY_MS, metricsAt, seriesOf, type ListRow } from '@/lib/shared/movement';
import type { MetricName } from '@/lib/sources/contract';
import { composeIssue } from '@/lib/issue/compose';
import { familyOf, formatOf, ownerOf } from '@/lib/issue/classify';
import { loadIssueInputs } from '@/lib/background/issue-inputs';
import type { Claim, Issue, Story } from '@/lib/shared/issue-types';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import type { SourceId } from '@/lib/sources/ids';
import { freshDb } from '../../support/db';
import { writeWeek } from '../../support/issue-history';

const START = new Date(2026, 10, 20, 6, 0).getTime();

let db: MorningPostDB;
let issue: Issue;
let publishedAt: number;

beforeAll(async () => {
  db = freshDb();
  const last = await writeWeek(db, START, 8);
  publishedAt = last + 60_000;
  issue = composeIssue(await loadIssueInputs(db, { now: publishedAt, number: 9, filters: DEFAULT_SETTINGS, enabled: DEFAULT_SETTINGS.sources, timeZone: 'UTC' }));
});
afterAll(async () => {
  await db.delete();
});

// ---------- an independent reading of the history, through lib/history's queries only ----------

async function snapshotAt(sourceId: SourceId, at: number): Promise<Snapshot> {
  const snapshot = await snapshotAtOrBefore(db, sourceId, at);
  expect(snapshot?.fetchedAt, `${sourceId} has a snapshot taken at ${new Date(at).toISOString()}`).toBe(at);
  return snapshot!;
}

async function rowsAt(sourceId: SourceId, at: number): Promise<ListRow[]> {
  const snapshot = await snapshotAt(sourceId, at);
  const items = await db.catalog.bulkGet(snapshot.keys);
  const rows = snapshot.keys.map((_key, index) => ({ rank: index + 1, itemId: items[index]!.itemId, metrics: metricsAt(snapshot, index), item: items[index]! }));
  return visibleRows(sourceId, rows, DEFAULT_SETTINGS);
}

async function pointAt(sourceId: SourceId, itemId: string, metric: MetricName, at: number) {
  const item = await db.catalog.where('[sourceId+itemId]').equals([sourceId, itemId]).first();
  const [point] = item?.key === undefined ? [] : seriesOf(await snapshotsBetween(db, sourceId, at, at), item.key, metric);
  expect(point, `${itemId} is in ${sourceId} at ${new Date(at).toISOString()}`).toBeDefined();
  return point!;
}

const FIELD: Record<Extract<Claim, { kind: 'count' }>['field'], (row: ListRow) => string | undefined> = {
  task: (row) => row.item.task,
  owner: (row) => ownerOf(row.itemId),
  family: (row) => familyOf(row.item),
  format: (row) => formatOf(row.item),
  language: (row) => row.item.language,
  hasCode: (row) => (row.item.codeUrl ? 'yes' : 'no'),
};

async function check(claim: Claim): Promise<void> {
  const label = JSON.stringify(claim);
  switch (claim.kind) {
    case 'rank':
      expect((await pointAt(claim.sourceId, claim.itemId, 'likes', claim.at)).rank, label).toBe(claim.rank);
      break;
    case 'climb': {
      expect((await pointAt(claim.sourceId, claim.itemId, 'likes', claim.fromAt)).rank, label).toBe(claim.fromRank);
      expect((await pointAt(claim.sourceId, claim.itemId, 'likes', claim.toAt)).rank, label).toBe(claim.toRank);
      expect(claim.printed, label).toContain(String(claim.fromRank - claim.toRank));
      break;
    }
    case 'metric':
      expect((await pointAt(claim.sourceId, claim.itemId, claim.metric, claim.at)).value, label).toBe(claim.value);
      break;
    case 'growth': {
      const from = await pointAt(claim.sourceId, claim.itemId, claim.metric, claim.fromAt);
      const to = await pointAt(claim.sourceId, claim.itemId, claim.metric, claim.toAt);
      expect([from.value, to.value], label).toEqual([claim.fromValue, claim.toValue]);
      expect(claim.perDay, label).toBe(Math.round((to.value! - from.value!) / Math.max(1, (claim.toAt - claim.fromAt) / DAY_MS)));
      break;
    }
    case 'new-entries': {
      const now = (await rowsAt(claim.sourceId, claim.at)).slice(0, 30);
      const before = new Set((await rowsAt(claim.sourceId, claim.sinceAt)).map((row) => row.itemId));
      expect(claim.itemIds, label).toEqual(now.filter((row) => !before.has(row.itemId)).map((row) => row.itemId));
      expect(claim.printed, label).toEqual([String(claim.itemIds.length)]);
      break;
    }
    case 'count': {
      if (claim.field === 'hasCode') {
        // The week's papers: every paper in the daily lists of the last 7 days, most upvoted first.
        const snapshots = await snapshotsBetween(db, claim.sourceId, claim.at - 7 * DAY_MS, claim.at);
        const upvotes = new Map<number, number>();
        for (const snapshot of snapshots) snapshot.keys.forEach((key, index) => upvotes.set(key, snapshot.metrics.upvotes?.[index] ?? 0));
        const keys = [...upvotes].sort((a, b) => b[1] - a[1]).slice(0, claim.top).map(([key]) => key);
        const papers = await db.catalog.bulkGet(keys);
        expect(papers.filter((paper) => paper?.codeUrl).length, label).toBe(claim.count);
        break;
      }
      const top = (await rowsAt(claim.sourceId, claim.at)).slice(0, claim.top);
      expect(top.length, label).toBe(claim.top);
      if (claim.printed.length === 2) expect(top.filter((row) => FIELD[claim.field](row) === claim.value).length, label).toBe(claim.count);
      break;
    }
    case 'share': {
      const rows = (await rowsAt(claim.sourceId, claim.at)).filter((row) => row.metrics[claim.metric] !== undefined);
      const sum = (list: ListRow[]) => list.reduce((total, row) => total + row.metrics[claim.metric]!, 0);
      expect(sum(rows.filter((row) => claim.itemIds.includes(row.itemId))), label).toBe(claim.part);
      expect(sum(rows), label).toBe(claim.whole);
      expect(rows.length, label).toBe(claim.of);
      expect(claim.percent, label).toBe(Math.round((100 * claim.part) / claim.whole));
      break;
    }
  }
}

/** The numbers a story's text states, once names, quoted remote text and counted values are set aside. */
async function numbersIn(story: Story): Promise<string[]> {
  let text = [story.headline, story.standfirst ?? '', ...story.paragraphs].join(' ');
  text = text.replace(/“[^”]*”/g, ' ');
  const names = (await db.catalog.toArray())
    .flatMap((item) => [item.name, item.name.slice(item.name.indexOf('/') + 1)])
    .sort((a, b) => b.length - a.length);
  for (const name of names) text = text.replaceAll(name, ' ');
  for (const claim of story.claims) if (claim.kind === 'count') text = text.replaceAll(claim.value, ' ');
  return text.match(/\d+(?:,\d{3})*%?/g) ?? [];
}

describe('an issue composed from a week of history', () => {
  it('has every section filled', () => {
    expect(issue.number).toBe(9);
    expect(issue.publishedAt).toBe(publishedAt);
    expect(issue.masthead.sources).toHaveLength(7);
    expect(issue.masthead.sources.every((line) => line.lastSuccessAt !== undefined && !line.failing)).toBe(true);
    expect(issue.lead.headline.length).toBeGreaterThan(10);
    expect(issue.lead.standfirst).toBeTruthy();
    expect(issue.lead.paragraphs.length).toBeGreaterThanOrEqual(2);
    expect(issue.analysis.length).toBeGreaterThanOrEqual(2);
    expect(issue.analysis.map((piece) => piece.kicker).slice(0, 2)).toEqual(['Deep Dive', 'Opinion & Analysis']);
    expect(issue.tools).toHaveLength(4);
    expect(new Set(issue.tools.map((tool) => tool.kind))).toEqual(new Set(['model', 'space', 'repository']));
    for (const list of Object.values(issue.trending)) expect(list.length).toBeGreaterThan(0);
    expect(issue.movers.climbers.length).toBeGreaterThan(0);
    expect(issue.movers.growth.length).toBeGreaterThan(0);
    expect(issue.movers.climbers.some((mover) => mover.isNew)).toBe(true);
    for (const mover of [...issue.movers.climbers, ...issue.movers.growth].filter((m) => !m.isNew)) expect(mover.sparkline.length).toBeGreaterThanOrEqual(2);
    expect(issue.reading.length).toBe(5);
    expect(issue.reading.map((paper) => paper.upvotes)).toEqual([...issue.reading.map((paper) => paper.upvotes)].sort((a, b) => b - a));
  });

  it('states only figures the history holds: every claim checks out', async () => {
    const claims = [
      ...issue.lead.claims,
      ...issue.analysis.flatMap((piece) => piece.claims),
      ...issue.tools.map((tool) => tool.claim),
      ...issue.movers.climbers.map((mover) => mover.claim),
      ...issue.movers.growth.map((mover) => mover.claim),
    ];
    expect(claims.length).toBeGreaterThan(20);
    for (const claim of claims) await check(claim);
  });

  it('prints no number that a claim does not back', async () => {
    for (const story of [issue.lead, ...issue.analysis]) {
      const backed = new Set(story.claims.flatMap((claim) => claim.printed));
      for (const number of await numbersIn(story)) expect(backed, `"${number}" in ${story.headline}`).toContain(number);
    }
    for (const tool of issue.tools) {
      for (const number of tool.figure.match(/\d+(?:,\d{3})*%?/g) ?? []) expect(tool.claim.printed, tool.figure).toContain(number);
    }
  });

  it('marks what is new and what climbed in the trending lists, against the week before', async () => {
    const models = issue.trending.models;
    const newcomer = models.find((entry) => entry.isNew);
    expect(newcomer).toBeDefined();
    const weekAgo = await snapshotAtOrBefore(db, 'hf-models', publishedAt - 7 * DAY_MS);
    const keys = new Set(weekAgo!.keys);
    const entry = await db.catalog.where('[sourceId+itemId]').equals(['hf-models', newcomer!.itemId]).first();
    expect(keys.has(entry!.key!)).toBe(false);
  });
});

describe('the task mix against last week', () => {
  it('is written when a task gained or lost three places or more, and its figures check out', async () => {
    const { readFileSync } = await import('node:fs');
    const { hfModels } = await import('@/lib/sources/hf-models');
    const { sharedFixture } = await import('../../support/paths');
    const { writeHistory } = await import('../../support/history');
    const models = hfModels.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')).items;
    const speech = (index: number) => ({ ...models[index]!, id: `voices/tts-${index}`, name: `voices/tts-${index}`, url: `https://huggingface.co/voices/tts-${index}`, task: 'text-to-speech' });
    // A week later, five text-generation models have given way to five text-to-speech ones.
    const replaced = models.map((item, index) => (item.task === 'text-generation' && index % 2 === 0 ? speech(index) : item));
    const swapped = replaced.filter((item) => item.task === 'text-to-speech').length;
    expect(swapped).toBeGreaterThanOrEqual(3);
    const own = db;
    db = freshDb();
    try {
      await writeHistory(db, 'hf-models', [
        { at: START, items: models },
        { at: START + 7 * DAY_MS, items: replaced },
      ]);
      const composed = composeIssue(await loadIssueInputs(db, { now: START + 7 * DAY_MS + 60_000, number: 2, filters: DEFAULT_SETTINGS, enabled: DEFAULT_SETTINGS.sources, timeZone: 'UTC' }));
      const piece = composed.analysis.find((story) => /ground on Hugging Face/.test(story.headline));
      expect(piece?.paragraphs.join(' ')).toMatch(new RegExp(`Text-to-speech holds ${swapped} of the top 30 places, against 0 last [A-Z][a-z]+day`));
      for (const claim of piece!.claims) await check(claim);
    } finally {
      await db.delete();
      db = own;
    }
  });
});

describe('an issue composed on the first day', () => {
  it('has a lead and tools, says movers need history, and states only stored figures', async () => {
    const first = freshDb();
    try {
      const last = await writeWeek(first, START, 1, 1);
      const day1 = composeIssue(await loadIssueInputs(first, { now: last + 1000, number: 1, filters: DEFAULT_SETTINGS, enabled: DEFAULT_SETTINGS.sources, timeZone: 'UTC' }));
      expect(day1.lead.headline).toMatch(/leads Hugging Face's trending models/);
      expect(day1.movers).toEqual({ heading: 'Biggest Movers', climbers: [], growth: [] });
      expect(day1.tools).toHaveLength(4);
      expect(day1.trending.models.every((entry) => !entry.isNew && entry.climbed === undefined)).toBe(true);
    } finally {
      await first.delete();
    }
  });
});

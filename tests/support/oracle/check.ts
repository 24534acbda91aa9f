import type { IssueInputs } from '@/lib/issue/inputs';
import type { Claim, Issue, Mover, Story } from '@/lib/shared/issue-types';
import type { Snapshot } from '@/lib/shared/records';
import type { MetricName } from '@/lib/sources/contract';
import type { SourceId } from '@/lib/sources/ids';
import { checkStoryClaims } from './stories';
import { AGE_PHRASE, ageWords, familyOf, formatOf, ownerOf } from './classify';
import { basesOf, roleOf, sizeIsRead, sizeWords, tagValues } from './context';
import {
  DAY,
  findItem,
  isYoung,
  itemNamed,
  latestSnapshot,
  rankIn,
  snapshotAt,
  snapshotsOf,
  valueIn,
  visibleRows,
  type Oracle,
  type OracleRow,
} from './history';

/**
 * The independent checker (issue #7, item 2): reads an issue's words and
 * claims and checks each against the stored lists, with the oracle's own
 * readers and classifiers. It returns what is wrong instead of throwing, so a
 * test can also show that it rejects a hand-built wrong issue.
 */
export interface Verdict {
  problems: string[];
  /** How many facts (claims, sentences, rows) were checked. */
  checked: number;
}

const TOP = 30;
const num = (text: string) => Number(text.replace(/,/g, ''));
/** "12,099": the thousands separator the tests run with (en-US). */
const printed = (value: number) => value.toLocaleString('en-US');

class Checker {
  readonly problems: string[] = [];
  checked = 0;
  constructor(
    readonly issue: Issue,
    readonly inputs: IssueInputs,
    readonly oracle: Oracle,
  ) {}

  expect(ok: boolean, message: string): void {
    this.checked++;
    if (!ok) this.problems.push(message);
  }

  rows(sourceId: SourceId, snapshot: Snapshot | undefined): OracleRow[] {
    return visibleRows(this.inputs, sourceId, snapshot, this.oracle);
  }
  latest(sourceId: SourceId): Snapshot | undefined {
    return latestSnapshot(this.inputs, sourceId);
  }
  rank(sourceId: SourceId, at: number, itemId: string): number | undefined {
    return rankIn(this.inputs, sourceId, snapshotAt(this.inputs, sourceId, at), itemId);
  }
}

/**
 * The issue with its non-breaking spaces ("No. 15", "12.5K likes": issue #11) read as spaces: the sentences
 * below are matched as a reader reads them, whatever space keeps their words on one line. That every such
 * space is there is tested apart (tests/unit/issue/lists.test.ts).
 */
export function asRead(issue: Issue): Issue {
  return JSON.parse(JSON.stringify(issue).replaceAll('\u00a0', ' ')) as Issue;
}

export function checkIssue(composed: Issue, inputs: IssueInputs, oracle: Oracle): Verdict {
  const issue = asRead(composed);
  const c = new Checker(issue, inputs, oracle);
  const stories = [issue.lead, ...issue.analysis];
  for (const story of stories) {
    for (const claim of story.claims) checkClaim(c, claim);
    checkAgeWords(c, story);
    checkClimbSentences(c, story);
    checkLeadFacts(c, story);
    checkAnalysisFacts(c, story);
    checkAgeStatements(c, story);
  }
  checkTools(c);
  checkMovers(c);
  checkTrending(c);
  checkWatch(c);
  return { problems: c.problems, checked: c.checked };
}

// ---------- claims against the stored lists ----------

function checkClaim(c: Checker, claim: Claim): void {
  const label = `${claim.kind} claim ${JSON.stringify(claim)}`;
  const { inputs } = c;
  switch (claim.kind) {
    case 'rank':
      c.expect(c.rank(claim.sourceId, claim.at, claim.itemId) === claim.rank, `${label}: the item is not at that rank then`);
      break;
    case 'climb':
      c.expect(c.rank(claim.sourceId, claim.fromAt, claim.itemId) === claim.fromRank, `${label}: fromRank is not the item's rank in the baseline`);
      c.expect(c.rank(claim.sourceId, claim.toAt, claim.itemId) === claim.toRank, `${label}: toRank is not the item's rank now`);
      c.expect(claim.fromRank > claim.toRank, `${label}: a climb must go up`);
      break;
    case 'metric':
      c.expect(valueIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at), claim.itemId, claim.metric) === claim.value, `${label}: not the stored value`);
      break;
    case 'growth': {
      const from = valueIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.fromAt), claim.itemId, claim.metric);
      const to = valueIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.toAt), claim.itemId, claim.metric);
      c.expect(from === claim.fromValue && to === claim.toValue, `${label}: from/to values are not the stored ones (${from}, ${to})`);
      const days = Math.max(1, (claim.toAt - claim.fromAt) / DAY);
      // perDay × days is the gain, give or take the rounding of perDay.
      c.expect(Math.abs(claim.perDay * days - (claim.toValue - claim.fromValue)) <= days / 2 + 1e-9, `${label}: perDay does not give the gain over ${days} days`);
      c.expect(claim.toAt - claim.fromAt >= 20 * 60 * 60 * 1000, `${label}: a growth per day over less than 20 hours`);
      break;
    }
    case 'new-entries': {
      const baseline = snapshotAt(inputs, claim.sourceId, claim.sinceAt);
      const now = c.rows(claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at)).slice(0, TOP);
      const fresh = now.filter((row) => rankIn(inputs, claim.sourceId, baseline, row.itemId) === undefined).map((row) => row.itemId);
      c.expect(baseline !== undefined, `${label}: no stored list at sinceAt`);
      c.expect(JSON.stringify(claim.itemIds) === JSON.stringify(fresh), `${label}: the new entries are ${JSON.stringify(fresh)}`);
      c.expect(claim.printed.includes(String(fresh.length)), `${label}: prints the wrong count`);
      break;
    }
    case 'entered':
      c.expect(c.rank(claim.sourceId, claim.at, claim.itemId) === claim.rank, `${label}: the item is not at that rank then`);
      c.expect(snapshotAt(inputs, claim.sourceId, claim.sinceAt) !== undefined, `${label}: no stored list at sinceAt`);
      c.expect(c.rank(claim.sourceId, claim.sinceAt, claim.itemId) === undefined, `${label}: the item was already in the list at sinceAt`);
      c.expect(claim.printed.includes(String(claim.rank)), `${label}: prints another rank`);
      break;
    case 'left':
      c.expect(c.rank(claim.sourceId, claim.sinceAt, claim.itemId) === claim.rank, `${label}: the item was not at that rank at sinceAt`);
      c.expect(snapshotAt(inputs, claim.sourceId, claim.at) !== undefined, `${label}: no stored list at at`);
      c.expect(c.rank(claim.sourceId, claim.at, claim.itemId) === undefined, `${label}: the item is still in the list`);
      c.expect(!sourceFailing(inputs, claim.sourceId), `${label}: its source is failing, and an absence from its last good list proves nothing`);
      break;
    // The story detectors' claims (issue #11): read back by their own oracle.
    case 'streak':
    case 'debut':
    case 'days-on-list':
    case 'derivatives':
    case 'owner-count':
    case 'derivative-share':
    case 'acceleration':
    case 'same-work':
    case 'theme-count': {
      const verdict = checkStoryClaims([claim], inputs, c.oracle);
      for (const problem of verdict.problems) c.expect(false, problem);
      c.checked += verdict.checked;
      break;
    }
    case 'count': {
      const actual = countOf(c, claim.sourceId, claim.at, claim.top, claim.field, claim.value);
      const ok = Array.isArray(actual) ? claim.count >= actual[0] && claim.count <= actual[1] : actual === claim.count;
      c.expect(ok, `${label}: the oracle counts ${JSON.stringify(actual)}`);
      break;
    }
    case 'share': {
      const rows = c.rows(claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at)).filter((row) => row.value(claim.metric) !== undefined);
      const sum = (list: OracleRow[]) => list.reduce((total, row) => total + row.value(claim.metric)!, 0);
      const leaders = rows.filter((row) => claim.itemIds.includes(row.itemId));
      c.expect(leaders.length === claim.itemIds.length, `${label}: a leader is not in the list`);
      c.expect(sum(leaders) === claim.part, `${label}: part is ${sum(leaders)}`);
      c.expect(sum(rows) === claim.whole, `${label}: whole is ${sum(rows)}`);
      c.expect(rows.length === claim.of, `${label}: of is ${rows.length}`);
      c.expect(claim.percent * claim.whole <= 100 * claim.part + claim.whole / 2 && 100 * claim.part < (claim.percent + 0.5) * claim.whole, `${label}: percent is not part/whole`);
      // A named item's share says nothing of its place; "the three largest take P%" does.
      if (claim.pick === 'named') break;
      const least = Math.min(...leaders.map((row) => row.value(claim.metric)!));
      const beaten = rows.filter((row) => !claim.itemIds.includes(row.itemId) && row.value(claim.metric)! > least);
      c.expect(beaten.length === 0, `${label}: ${beaten.map((row) => row.itemId).join(', ')} have more than a leader`);
      break;
    }
    case 'attribute':
      checkAttribute(c, claim, label);
      break;
    case 'gain': {
      const from = valueIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.fromAt), claim.itemId, claim.metric);
      const to = valueIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.toAt), claim.itemId, claim.metric);
      c.expect(from === claim.fromValue && to === claim.toValue, `${label}: from/to values are not the stored ones (${from}, ${to})`);
      c.expect(claim.toValue > claim.fromValue, `${label}: not a gain`);
      c.expect(claim.printed.includes(printed(claim.toValue - claim.fromValue)), `${label}: does not print the gain ${claim.toValue - claim.fromValue}`);
      c.expect(claim.toAt - claim.fromAt >= 20 * 60 * 60 * 1000, `${label}: a gain over less than 20 hours`);
      break;
    }
    case 'ratio': {
      const snapshot = snapshotAt(inputs, claim.sourceId, claim.at);
      const value = valueIn(inputs, claim.sourceId, snapshot, claim.itemId, claim.metric);
      const baseValue = valueIn(inputs, claim.sourceId, snapshot, claim.baseId, claim.metric);
      c.expect(value === claim.value && baseValue === claim.baseValue, `${label}: the stored values are ${value} and ${baseValue}`);
      const item = findItem(inputs, claim.sourceId, claim.itemId)?.item;
      const { bases } = item ? basesOf(item) : { bases: [] };
      c.expect(bases.length === 1 && bases[0] === claim.baseId, `${label}: the item's base_model tags name ${JSON.stringify(bases)}`);
      c.expect(baseValue !== undefined && baseValue > 0 && value !== undefined && Math.abs(claim.ratio - value / baseValue) <= 0.05 + 1e-9, `${label}: ${value} / ${baseValue} is not ${claim.ratio}`);
      c.expect(claim.printed.includes(claim.ratio.toFixed(1)), `${label}: does not print its ratio`);
      break;
    }
  }
}

/** An attribute claim: what the oracle reads in the item's stored catalog entry, with its own readers (./context.ts). */
function checkAttribute(c: Checker, claim: Extract<Claim, { kind: 'attribute' }>, label: string): void {
  const { inputs } = c;
  const snapshot = snapshotAt(inputs, claim.sourceId, claim.at);
  c.expect(rankIn(inputs, claim.sourceId, snapshot, claim.itemId) !== undefined, `${label}: the item is not in the list of at`);
  const item = findItem(inputs, claim.sourceId, claim.itemId)?.item;
  if (!item) {
    c.expect(false, `${label}: no such item`);
    return;
  }
  const value = claim.value;
  const same = (found: string | undefined) => c.expect(found === value, `${label}: the oracle reads ${JSON.stringify(found)}`);
  switch (claim.field) {
    case 'task':
      same(item.task);
      break;
    case 'size': {
      c.expect(claim.sourceId === 'hf-models', `${label}: a size of something other than a model`);
      c.expect(sizeIsRead(item.itemId, value), `${label}: the name's words do not give ${value}`);
      // No other total size in the name ("…-27B-to-8B" says no one size); the active-parameter word excepted.
      const totals = sizeWords(item.itemId).filter((word) => !word.startsWith('A') && sizeIsRead(item.itemId, word));
      c.expect(totals.every((word) => word === value.toUpperCase().split('-')[0]), `${label}: the name also gives ${totals.join(', ')}`);
      break;
    }
    case 'licence': {
      const licences = tagValues(item, 'license:').map((licence) => licence.toLowerCase());
      c.expect(licences.length === 1 && licences[0] === value && value !== 'other' && value !== 'unknown', `${label}: the license tags say ${JSON.stringify(licences)}`);
      break;
    }
    case 'base': {
      const { bases } = basesOf(item);
      c.expect(bases.length === 1 && bases[0] === value && value.toLowerCase() !== item.itemId.toLowerCase(), `${label}: the base_model tags name ${JSON.stringify(bases)}`);
      break;
    }
    case 'relation': {
      const { relations } = basesOf(item);
      c.expect(relations.length === 1 && relations[0] === value, `${label}: the base_model tags give the relations ${JSON.stringify(relations)}`);
      break;
    }
    case 'format':
      same(formatOf(item));
      break;
    case 'role': {
      const role = roleOf(item.itemId);
      c.expect(role !== undefined, `${label}: the oracle does not know ${ownerOf(item.itemId)}'s role (tests/support/oracle/context.ts ORACLE_ROLES)`);
      if (role !== undefined) same(role);
      break;
    }
    case 'sdk':
      same(item.sdk);
      break;
    case 'language':
      same(item.language);
      break;
    case 'tag':
      c.expect((item.tags ?? []).includes(value), `${label}: the item has no tag ${value}`);
      break;
  }
}

type Field = Extract<Claim, { kind: 'count' }>['field'];

function fieldOf(row: OracleRow, field: Field): string | undefined {
  switch (field) {
    case 'task':
      return row.item.task;
    case 'owner':
      return ownerOf(row.itemId);
    case 'family':
      return familyOf(row.item);
    case 'format':
      return formatOf(row.item);
    case 'language':
      return row.item.language;
    case 'hasCode':
      return row.item.codeUrl ? 'yes' : 'no';
  }
}

function countOf(c: Checker, sourceId: SourceId, at: number, top: number, field: Field, value: string): number | [number, number] | undefined {
  if (field === 'hasCode') {
    // The week's papers: each paper of the daily lists of the 7 days to `at`, at its last upvotes; the `top` most upvoted.
    const last = new Map<string, { upvotes: number; hasCode: boolean }>();
    for (const snapshot of snapshotsOf(c.inputs, sourceId)) {
      if (snapshot.fetchedAt < at - 7 * DAY || snapshot.fetchedAt > at) continue;
      for (const row of c.rows(sourceId, snapshot)) last.set(row.itemId, { upvotes: row.value('upvotes') ?? 0, hasCode: !!row.item.codeUrl });
    }
    const papers = [...last.values()].sort((a, b) => b.upvotes - a.upvotes);
    const cut = papers[top - 1]?.upvotes;
    // Papers tied at the cut could go either way: count the sure ones and accept any count the ties allow.
    const sure = papers.filter((paper) => paper.upvotes > (cut ?? -1));
    const tied = papers.filter((paper) => paper.upvotes === cut);
    const sureCode = sure.filter((paper) => paper.hasCode).length;
    const slots = top - sure.length;
    const tiedCode = tied.filter((paper) => paper.hasCode).length;
    // Within the ties, a count between these two is right.
    const low = sureCode + Math.max(0, slots - (tied.length - tiedCode));
    const high = sureCode + Math.min(slots, tiedCode);
    return value !== 'yes' ? undefined : low === high ? low : [low, high];
  }
  const snapshot = snapshotAt(c.inputs, sourceId, at);
  if (!snapshot) return undefined;
  const rows = c.rows(sourceId, snapshot).slice(0, top);
  if (rows.length !== top) return undefined;
  return rows.filter((row) => fieldOf(row, field) === value).length;
}

// ---------- the words for each baseline's age ----------

function baselinesOf(c: Checker, story: Story): number[] {
  const at = new Set<number>();
  for (const claim of story.claims) {
    if (claim.kind === 'climb') at.add(claim.fromAt);
    if (claim.kind === 'new-entries' || claim.kind === 'entered' || claim.kind === 'left') at.add(claim.sinceAt);
    if (claim.kind === 'growth') at.add(claim.fromAt);
    if (claim.kind === 'count' && claim.at !== c.latest(claim.sourceId)?.fetchedAt) at.add(claim.at);
    // The stories' (issue #11): a debut or a wave against the window's start, a streak or a stay from its first day, a rank or a figure of an earlier list.
    if (claim.kind === 'debut' || claim.kind === 'derivatives') at.add(claim.sinceAt);
    if ((claim.kind === 'streak' || claim.kind === 'days-on-list') && claim.fromAt !== c.latest(claim.sourceId)?.fetchedAt) at.add(claim.fromAt);
    if ((claim.kind === 'rank' || claim.kind === 'metric' || claim.kind === 'owner-count' || claim.kind === 'derivative-share' || claim.kind === 'theme-count') && claim.at !== c.latest(claim.sourceId)?.fetchedAt) at.add(claim.at);
    if (claim.kind === 'acceleration') [claim.fromAt, claim.midAt].forEach((when) => at.add(when));
  }
  return [...at];
}

function checkAgeWords(c: Checker, story: Story): void {
  const text = [story.headline, story.standfirst ?? '', ...story.paragraphs].join(' \n ');
  const baselines = baselinesOf(c, story);
  const allowed = new Set(baselines.flatMap((at) => ageWords(at, c.inputs.now, c.inputs.timeZone).allowed));
  const sources = new Set(story.claims.map((claim) => claim.sourceId));
  const weekOld = baselines.some((at) => c.inputs.now - at >= 6 * DAY);
  for (const match of text.matchAll(AGE_PHRASE)) {
    const phrase = match[0];
    if (phrase === 'this week') {
      c.expect(weekOld || sources.has('gh-trending-weekly'), `"${story.headline}": "this week" for a comparison less than 6 days old (issue #11: "this week" only with at least six days of history)`);
    } else if (phrase === 'today') {
      c.expect(sources.has('gh-trending-daily') || allowed.has('earlier today'), `"${story.headline}": "today" without GitHub's daily page`);
    } else {
      c.expect(allowed.has(phrase), `"${story.headline}": "${phrase}" does not name a baseline of this story (allowed: ${[...allowed].join(' / ') || 'none'})`);
    }
  }
  // Every comparison says when it starts.
  for (const at of baselines) {
    const words = ageWords(at, c.inputs.now, c.inputs.timeZone);
    c.expect(words.allowed.some((phrase) => new RegExp(`\\b${phrase}\\b`).test(text)), `"${story.headline}": the comparison from ${new Date(at).toISOString()} never says "${words.since}"`);
  }
}

// ---------- climbs: each figure in its place, and the superlative against every candidate ----------

function climbClaims(story: Story): Extract<Claim, { kind: 'climb' }>[] {
  return story.claims.filter((claim): claim is Extract<Claim, { kind: 'climb' }> => claim.kind === 'climb');
}

/** Every climb in the visible top 30 between two stored lists: itemId → places. */
function climbsBetween(c: Checker, sourceId: SourceId, fromAt: number, toAt: number): Map<string, number> {
  const baseline = snapshotAt(c.inputs, sourceId, fromAt);
  const climbs = new Map<string, number>();
  for (const row of c.rows(sourceId, snapshotAt(c.inputs, sourceId, toAt)).slice(0, TOP)) {
    const before = rankIn(c.inputs, sourceId, baseline, row.itemId);
    if (before !== undefined && before > row.rank) climbs.set(row.itemId, before - row.rank);
  }
  return climbs;
}

function checkClimbSentences(c: Checker, story: Story): void {
  const text = [story.headline, story.standfirst ?? '', ...story.paragraphs].join(' \n ');
  const claims = climbClaims(story);
  const sourceOf = (name: string): { sourceId: SourceId; itemId: string } | undefined => {
    for (const claim of claims) {
      const item = findItem(c.inputs, claim.sourceId, claim.itemId)?.item;
      if (item && (item.name === name || item.name.endsWith(`/${name}`))) return { sourceId: claim.sourceId, itemId: claim.itemId };
    }
    for (const sourceId of ['hf-models', 'hf-datasets', 'hf-spaces'] as const) {
      const item = itemNamed(c.inputs, sourceId, name);
      if (item) return { sourceId, itemId: item.itemId };
    }
    return undefined;
  };
  const fromTo = [...text.matchAll(/([\w.\-/]+) (?:rose from No\. (\d+) to No\. (\d+)|\(No\. (\d+) to No\. (\d+)\))/g)];
  for (const match of fromTo) {
    const name = match[1]!;
    const from = Number(match[2] ?? match[4]);
    const to = Number(match[3] ?? match[5]);
    const found = sourceOf(name);
    const claim = found && claims.find((candidate) => candidate.itemId === found.itemId);
    c.expect(!!claim, `"${match[0]}": no climb claim backs it`);
    if (!found || !claim) continue;
    c.expect(c.rank(found.sourceId, claim.fromAt, found.itemId) === from, `"${match[0]}": ${from} is not ${name}'s rank in the baseline (${c.rank(found.sourceId, claim.fromAt, found.itemId)})`);
    c.expect(c.rank(found.sourceId, claim.toAt, found.itemId) === to, `"${match[0]}": ${to} is not ${name}'s rank now (${c.rank(found.sourceId, claim.toAt, found.itemId)})`);
  }
  for (const match of text.matchAll(/([\w.\-/]+) climbs (\d+) places to No\. (\d+)/g)) {
    const found = sourceOf(match[1]!);
    const claim = found && claims.find((candidate) => candidate.itemId === found.itemId);
    c.expect(!!claim, `"${match[0]}": no climb claim backs it`);
    if (!found || !claim) continue;
    const before = c.rank(found.sourceId, claim.fromAt, found.itemId);
    const now = c.rank(found.sourceId, claim.toAt, found.itemId);
    c.expect(now === Number(match[3]), `"${match[0]}": it is No. ${now} now`);
    c.expect(before !== undefined && now !== undefined && before - now === Number(match[2]), `"${match[0]}": it climbed ${before! - now!}`);
  }
  // "the largest climb in the top M": strictly larger than every other climb.
  const largest = /([\w.\-/]+) rose from No\. \d+ to No\. \d+, the largest climb in the top (\d+)/.exec(text);
  if (largest) {
    const found = sourceOf(largest[1]!);
    const claim = found && claims.find((candidate) => candidate.itemId === found.itemId);
    if (found && claim) {
      const climbs = climbsBetween(c, found.sourceId, claim.fromAt, claim.toAt);
      const mine = climbs.get(found.itemId) ?? 0;
      const rivals = [...climbs].filter(([itemId, places]) => itemId !== found.itemId && places >= mine);
      c.expect(rivals.length === 0, `"the largest climb": ${rivals.map(([itemId, places]) => `${itemId} also climbed ${places}`).join(', ')} (${found.itemId} climbed ${mine})`);
      const visible = c.rows(found.sourceId, snapshotAt(c.inputs, found.sourceId, claim.toAt)).slice(0, TOP).length;
      c.expect(Number(largest[2]) === visible, `"the largest climb in the top ${largest[2]}": the list has ${visible}`);
    }
  } else if (/largest climb/.test(text)) {
    c.expect(false, `"${story.headline}": "largest climb" in a sentence the oracle cannot read`);
  }
}

// ---------- the lead's counts, owners, families and new entries ----------

function checkLeadFacts(c: Checker, story: Story): void {
  const text = [story.headline, story.standfirst ?? '', ...story.paragraphs].join(' \n ');
  const latest = c.latest('hf-models');
  const top = c.rows('hf-models', latest).slice(0, TOP);
  const count = (field: Field, value: string) => top.filter((row) => fieldOf(row, field) === value).length;
  for (const match of text.matchAll(/([A-Z][\w-]*) models take ([\d,]+) of the top (\d+) places/g)) {
    const task = match[1]!.toLowerCase();
    c.expect(num(match[2]!) === count('task', task), `"${match[0]}": ${count('task', task)} ${task} models`);
    c.expect(Number(match[3]) === top.length, `"${match[0]}": the list has ${top.length}`);
  }
  // The second task, said after the first: "come next, with N of the top M" (fewer than the first), or "take as many" (a tie).
  const firstTask = /([A-Z][\w-]*) models take ([\d,]+) of the top \d+ places/.exec(text);
  for (const match of text.matchAll(/([A-Z][\w-]*) models come next, with ([\d,]+) of the top (\d+)\./g)) {
    const n = count('task', match[1]!.toLowerCase());
    c.expect(num(match[2]!) === n, `"${match[0]}": ${n}`);
    c.expect(Number(match[3]) === top.length, `"${match[0]}": list length`);
    c.expect(!!firstTask && num(firstTask[2]!) > n, `"${match[0]}": not fewer than the first task (${firstTask?.[0]})`);
  }
  for (const match of text.matchAll(/([A-Z][\w-]*) models take as many\./g)) {
    c.expect(!!firstTask && num(firstTask[2]!) === count('task', match[1]!.toLowerCase()), `"${match[0]}": ${count('task', match[1]!.toLowerCase())}, against "${firstTask?.[0]}"`);
  }
  const owner = /([\w.-]+) has ([\d,]+) models in the list, more than any other/.exec(text);
  if (owner) {
    const counts = new Map<string, number>();
    for (const row of top) {
      const name = ownerOf(row.itemId);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const mine = counts.get(owner[1]!) ?? 0;
    c.expect(num(owner[2]!) === mine, `"${owner[0]}": ${owner[1]} has ${mine}`);
    const rivals = [...counts].filter(([name, n]) => name !== owner[1] && n >= mine);
    c.expect(rivals.length === 0, `"more than any other author": ${rivals.map(([name, n]) => `${name} has ${n}`).join(', ')}`);
  } else if (/more than any other/.test(text)) {
    c.expect(false, `"${story.headline}": "more than any other" in a sentence the oracle cannot read`);
  }
  for (const match of text.matchAll(/([\d,]+) of the top (\d+) build on ([\w.-]+)\./g)) {
    c.expect(num(match[1]!) === count('family', match[3]!), `"${match[0]}": the oracle counts ${count('family', match[3]!)}`);
    c.expect(Number(match[2]) === top.length, `"${match[0]}": list length`);
  }
  // New entries: named ones are absent from the baseline, and the highest entered where it says.
  const fresh = story.claims.find((claim): claim is Extract<Claim, { kind: 'new-entries' }> => claim.kind === 'new-entries');
  const listed = /New on the list [^:]*: (.*?)(?: and (\d+) more)?\. (?:The highest of them, ([\w.\-/]+),|It) entered at No\. (\d+)\./.exec(text);
  if (listed && fresh) {
    const baseline = snapshotAt(c.inputs, fresh.sourceId, fresh.sinceAt);
    const names = listed[1]!.split(/, | and /);
    for (const name of names) {
      const item = itemNamed(c.inputs, fresh.sourceId, name);
      c.expect(!!item && rankIn(c.inputs, fresh.sourceId, baseline, item.itemId) === undefined && top.some((row) => row.itemId === item.itemId), `"${name}" is called new but was in the baseline list (or is not in the list now)`);
    }
    const allNew = top.filter((row) => rankIn(c.inputs, fresh.sourceId, baseline, row.itemId) === undefined);
    c.expect(names.length + Number(listed[2] ?? 0) === allNew.length, `"${listed[0]}": ${allNew.length} models are new`);
    const highest = itemNamed(c.inputs, fresh.sourceId, listed[3] ?? names[0]!);
    c.expect(highest?.itemId === allNew[0]?.itemId && Number(listed[4]) === allNew[0]?.rank, `"${highest?.itemId} entered at No. ${listed[4]}": the highest new entry is ${allNew[0]?.itemId} at No. ${allNew[0]?.rank}`);
  }
  const newSince = /(\d+) models? (?:is|are) new since/.exec(text);
  if (newSince && fresh) c.expect(Number(newSince[1]) === fresh.itemIds.length, `"${newSince[0]}": ${fresh.itemIds.length} are new`);
}

// ---------- the analysis pieces' figures ----------

function checkAnalysisFacts(c: Checker, story: Story): void {
  const text = [story.headline, story.standfirst ?? '', ...story.paragraphs].join(' \n ');
  const models = c.rows('hf-models', c.latest('hf-models')).slice(0, TOP);
  const count = (field: Field, value: string) => models.filter((row) => fieldOf(row, field) === value).length;
  const families = [
    ...[...text.matchAll(/([\d,]+) of the top (\d+) trending models on Hugging Face build on ([\w.-]+)/g)].map((m) => ({ text: m[0], n: m[1]!, top: m[2]!, family: m[3]! })),
    ...[...text.matchAll(/Of the top (\d+) trending models on Hugging Face, ([\d,]+) build on ([\w.-]+)/g)].map((m) => ({ text: m[0], n: m[2]!, top: m[1]!, family: m[3]! })),
  ];
  for (const match of families) {
    c.expect(num(match.n) === count('family', match.family), `"${match.text}": the oracle counts ${count('family', match.family)}`);
    c.expect(Number(match.top) === models.length, `"${match.text}": list length`);
    const tally = new Map<string, number>();
    for (const row of models) {
      const family = familyOf(row.item);
      if (family) tally.set(family, (tally.get(family) ?? 0) + 1);
    }
    const rivals = [...tally].filter(([family, n]) => family !== match.family && n >= num(match.n));
    c.expect(rivals.length === 0, `"${match.text}": ${rivals.map(([f, n]) => `${n} build on ${f}`).join(', ')} as well`);
  }
  const formats = /(?:([\d,]+) of the \d+|across the whole top \d+, ([\d,]+)) are ([A-Z0-9]+) builds(?: and ([\d,]+) are ([A-Z0-9]+))?/.exec(text);
  if (formats) {
    const first = formats[1] ?? formats[2]!;
    c.expect(num(first) === count('format', formats[3]!), `"${formats[0]}": ${count('format', formats[3]!)} ${formats[3]}`);
    if (formats[5]) c.expect(num(formats[4]!) === count('format', formats[5]), `"${formats[0]}": ${count('format', formats[5])} ${formats[5]}`);
    const counts = new Map<string, number>();
    for (const row of models) {
      const format = formatOf(row.item);
      if (format) counts.set(format, (counts.get(format) ?? 0) + 1);
    }
    const rivals = [...counts].filter(([format, n]) => format !== formats[3] && n > num(first));
    c.expect(rivals.length === 0, `"${formats[0]}": ${rivals.map(([f, n]) => `${n} are ${f}`).join(', ')} — more`);
  }
  const highestOf = /the highest-ranked of them, ([\w.\-/]+), is at No\. (\d+)/.exec(text);
  const familyClaim = story.claims.find((claim) => claim.kind === 'count' && claim.field === 'family');
  if (highestOf && familyClaim?.kind === 'count') {
    const first = models.find((row) => familyOf(row.item) === familyClaim.value);
    c.expect(first?.item.name === highestOf[1] && first?.rank === Number(highestOf[2]), `"${highestOf[0]}": the highest of ${familyClaim.value} is ${first?.itemId} at No. ${first?.rank}`);
  }
  for (const match of text.matchAll(/([A-Z][\w-]*) holds ([\d,]+) of the top (\d+) places, against ([\d,]+)/g)) {
    const task = match[1]!.toLowerCase();
    const before = story.claims.find((claim) => claim.kind === 'count' && claim.field === 'task' && claim.value === task && claim.at !== c.latest('hf-models')?.fetchedAt);
    c.expect(num(match[2]!) === count('task', task), `"${match[0]}": now ${count('task', task)}`);
    const then = before?.kind === 'count' ? countOf(c, 'hf-models', before.at, before.top, 'task', task) : undefined;
    c.expect(then === num(match[4]!), `"${match[0]}": then ${JSON.stringify(then)}`);
  }
  // Stars: "Three repositories take P%", the three largest of every candidate.
  const share = story.claims.find((claim): claim is Extract<Claim, { kind: 'share' }> => claim.kind === 'share');
  const gathered = /^Between them, (.*) gathered (\d+)% of the ([\d,]+) stars that the (\d+) AI\/ML repositories/m.exec(story.paragraphs.join('\n'));
  if (/Three repositories take (\d+)%/.test(story.headline)) {
    const headline = Number(/take (\d+)%/.exec(story.headline)![1]);
    c.expect(!!share && !!gathered, `"${story.headline}": no share claim or no sentence naming the three`);
    if (share && gathered) {
      const rows = c.rows(share.sourceId, snapshotAt(c.inputs, share.sourceId, share.at)).filter((row) => row.value('starsInPeriod') !== undefined);
      const byStars = [...rows].sort((a, b) => b.value('starsInPeriod')! - a.value('starsInPeriod')!);
      const three = byStars.slice(0, 3);
      const names = gathered[1]!.split(/, | and /);
      const fourth = byStars[3]?.value('starsInPeriod') ?? -1;
      for (const name of names) {
        const row = rows.find((candidate) => candidate.item.name === name);
        c.expect(!!row && row.value('starsInPeriod')! >= three[2]!.value('starsInPeriod')! && row.value('starsInPeriod')! > fourth, `"${name}" is not among the three largest by stars (${three.map((r) => r.itemId).join(', ')})`);
      }
      const part = three.reduce((sum, row) => sum + row.value('starsInPeriod')!, 0);
      const whole = rows.reduce((sum, row) => sum + row.value('starsInPeriod')!, 0);
      const percent = Math.round((100 * part) / whole);
      c.expect(headline === percent && Number(gathered[2]) === percent, `"${story.headline}": the three take ${part} of ${whole} = ${percent}%`);
      c.expect(num(gathered[3]!) === whole && Number(gathered[4]) === rows.length, `"${gathered[0]}": ${whole} stars over ${rows.length} repositories`);
    }
  }
  const alone = /([\w.\-/]+) alone drew ([\d,]+)/.exec(text);
  if (alone && share) {
    const rows = c.rows(share.sourceId, snapshotAt(c.inputs, share.sourceId, share.at));
    const best = Math.max(...rows.map((row) => row.value('starsInPeriod') ?? -1));
    const row = rows.find((candidate) => candidate.item.name === alone[1]);
    c.expect(row?.value('starsInPeriod') === num(alone[2]!) && num(alone[2]!) === best, `"${alone[0]}": the most stars is ${best}`);
  }
  // Languages of the AI/ML repositories.
  const said = /Of the (\d+) AI\/ML repositories trending on GitHub (?:this week|today), ([\d,]+) are written in ([^,.]+?)(?:, (.*))?\./.exec(text);
  // As [whole match, language, count, repositories, the rest].
  const languages = said ? [said[0], said[3]!, said[2]!, said[1]!, said[4]] : undefined;
  if (languages) {
    const claim = story.claims.find((candidate): candidate is Extract<Claim, { kind: 'count' }> => candidate.kind === 'count' && candidate.field === 'language');
    const rows = claim ? c.rows(claim.sourceId, snapshotAt(c.inputs, claim.sourceId, claim.at)) : [];
    const tally = (language: string) => rows.filter((row) => row.item.language === language).length;
    c.expect(Number(languages[3]) === rows.length, `"${languages[0]}": ${rows.length} AI/ML repositories`);
    c.expect(num(languages[2]!) === tally(languages[1]!), `"${languages[0]}": ${tally(languages[1]!)} in ${languages[1]}`);
    const most = Math.max(0, ...rows.map((row) => (row.item.language ? tally(row.item.language) : 0)));
    c.expect(num(languages[2]!) === most, `"${languages[0]}": the most common language has ${most}`);
    for (const part of (languages[4] ?? '').split(/, | and /).filter(Boolean)) {
      const each = /^([\d,]+) in (.+)$/.exec(part);
      c.expect(!!each && tally(each[2]!) === num(each[1]!), `"${part}": ${each ? tally(each[2]!) : '?'}`);
    }
  }
}

// ---------- statements about an item's age only from its createdAt ----------

const AGE_STATEMENT = /new repositor|first weeks|first month|created \d+ days ago|brand-new/i;

function checkAgeStatements(c: Checker, story: Story): void {
  for (const paragraph of [story.headline, story.standfirst ?? '', ...story.paragraphs]) {
    if (!AGE_STATEMENT.test(paragraph)) continue;
    const about = story.claims.filter((claim) => 'itemId' in claim && paragraph.includes(findItem(c.inputs, claim.sourceId, claim.itemId)?.item.name ?? '\u0000'));
    c.expect(about.length > 0, `"${paragraph}": an age statement about no claimed item`);
    for (const claim of about) {
      if (!('itemId' in claim)) continue;
      const item = findItem(c.inputs, claim.sourceId, claim.itemId)?.item;
      c.expect(!!item && isYoung(item, c.latest(claim.sourceId)!.fetchedAt), `"${paragraph}": ${claim.itemId} was created ${item?.createdAt ?? 'at an unknown time'}`);
    }
  }
}

// ---------- tools of the week: each among the first rows of the week's list, the best of them by the figure it prints ----------

/** A pick is among the first 8 rows of its source's latest list as the reader sees it (issue #11). */
const TOOL_TOP = 8;
const HOURS_20 = 20 * 60 * 60 * 1000;

/** The list a week back: the last one at least 7 days (less 2 hours of drift) older than the latest, else the oldest at least 20 h older. */
function weekBefore(inputs: IssueInputs, sourceId: SourceId): Snapshot | undefined {
  const snapshots = snapshotsOf(inputs, sourceId);
  const latest = snapshots[snapshots.length - 1];
  if (!latest) return undefined;
  const older = snapshots.filter((snapshot) => snapshot.fetchedAt <= latest.fetchedAt - 7 * DAY + 2 * 60 * 60 * 1000);
  if (older.length > 0) return older[older.length - 1];
  const oldest = snapshots[0]!;
  return latest.fetchedAt - oldest.fetchedAt >= HOURS_20 ? oldest : undefined;
}

/** An item's gain of `metric` from its first stored value since the week's baseline to the latest list; over 20 hours or more. */
function weekGainOf(c: Checker, sourceId: SourceId, itemId: string, metric: MetricName): { fromAt: number; gain: number } | undefined {
  const baseline = weekBefore(c.inputs, sourceId);
  const latest = c.latest(sourceId);
  if (!baseline || !latest) return undefined;
  const to = valueIn(c.inputs, sourceId, latest, itemId, metric);
  const first = snapshotsOf(c.inputs, sourceId)
    .filter((snapshot) => snapshot.fetchedAt >= baseline.fetchedAt)
    .map((snapshot) => ({ at: snapshot.fetchedAt, value: valueIn(c.inputs, sourceId, snapshot, itemId, metric) }))
    .find((point) => point.value !== undefined);
  if (to === undefined || !first || latest.fetchedAt - first.at < HOURS_20) return undefined;
  return { fromAt: first.at, gain: to - first.value! };
}

function checkTools(c: Checker): void {
  const taken = new Set<string>();
  for (const tool of c.issue.tools) {
    checkClaim(c, tool.claim);
    for (const claim of tool.claims ?? []) checkClaim(c, claim);
    const label = `tool ${tool.itemId} "${tool.figure}"`;
    for (const number of tool.figure.match(/\d[\d,]*/g) ?? []) c.expect(tool.claim.printed.includes(number), `${label}: ${number} is not backed by its claim`);
    c.expect(tool.claim.sourceId === tool.sourceId && 'itemId' in tool.claim && tool.claim.itemId === tool.itemId, `${label}: its claim is about another item`);
    const latest = c.latest(tool.sourceId);
    const item = findItem(c.inputs, tool.sourceId, tool.itemId)?.item;
    if (AGE_STATEMENT.test(tool.figure + tool.description) || tool.sourceId === 'gh-search') {
      c.expect(!!item && !!latest && isYoung(item, latest.fetchedAt), `${label}: called new but created ${item?.createdAt ?? 'at an unknown time'}`);
    }
    if (tool.sourceId.startsWith('gh-trending')) c.expect(c.oracle.aiRepositories.has(tool.itemId), `${label}: not an AI/ML repository`);
    // The description: the item's own when it has one, else written from its data, every attribute said.
    // (A description of no letter or digit, such as "🚀 — …", is no description.)
    if (item?.description && /[\p{L}\p{N}]/u.test(item.description)) c.expect(!tool.claims?.length, `${label}: described from its data though it has its own description`);
    for (const claim of tool.claims ?? []) {
      c.expect('itemId' in claim && claim.itemId === tool.itemId, `${label}: a description claim about another item`);
      for (const text of claim.printed) c.expect(tool.description.includes(text), `${label}: the description does not say ${text}`);
    }
    const top = c.rows(tool.sourceId, latest).slice(0, TOOL_TOP);
    c.expect(top.some((row) => row.itemId === tool.itemId), `${label}: not among the first ${TOOL_TOP} rows of its list`);
    const candidates = top.filter((row) => !taken.has(`${tool.sourceId}:${row.itemId}`) && (tool.sourceId !== 'gh-search' || (!!latest && isYoung(row.item, latest.fetchedAt))));
    const claim = tool.claim;
    const gains = (metric: MetricName) => candidates.map((row) => ({ itemId: row.itemId, ...weekGainOf(c, tool.sourceId, row.itemId, metric) })).filter((entry) => (entry.gain ?? 0) > 0);
    const best = (metric: MetricName, value: number) => candidates.filter((row) => (row.value(metric) ?? -Infinity) > value).map((row) => `${row.itemId} has ${row.value(metric)}`);
    if (claim.kind === 'gain') {
      const mine = weekGainOf(c, tool.sourceId, tool.itemId, claim.metric);
      c.expect(mine?.fromAt === claim.fromAt && claim.toAt === latest?.fetchedAt, `${label}: not the gain since the week's baseline (the oracle starts it at ${mine ? new Date(mine.fromAt).toISOString() : 'none'})`);
      const better = gains(claim.metric).filter((entry) => entry.gain! > claim.toValue - claim.fromValue);
      c.expect(better.length === 0, `${label}: ${better.map((entry) => `${entry.itemId} gained ${entry.gain}`).join(', ')}`);
      const week = claim.toAt - claim.fromAt >= 6 * DAY;
      const period = week ? 'this week' : `since ${ageWords(claim.fromAt, c.inputs.now, c.inputs.timeZone).since}`;
      c.expect(tool.figure.endsWith(` ${period}`), `${label}: the gain's period is "${period}"`);
    } else if (claim.kind === 'metric' && claim.metric === 'starsInPeriod') {
      c.expect((tool.sourceId === 'gh-trending-weekly' ? / stars? this week$/ : / stars? today$/).test(tool.figure), `${label}: the wrong period for ${tool.sourceId}`);
      const better = best('starsInPeriod', claim.value);
      c.expect(better.length === 0, `${label}: ${better.join(', ')}`);
    } else if (claim.kind === 'metric' && (claim.metric === 'trendingScore' || (claim.metric === 'stars' && tool.sourceId === 'gh-search'))) {
      // Only when no first row gained over the week; then the best of them by the figure.
      const growing = gains(tool.sourceId === 'gh-search' ? 'stars' : 'likes');
      c.expect(growing.length === 0, `${label}: ${growing.map((entry) => `${entry.itemId} gained ${entry.gain}`).join(', ')} over the week`);
      const better = best(claim.metric, claim.value);
      c.expect(better.length === 0, `${label}: ${better.join(', ')}`);
    } else {
      c.expect(false, `${label}: a ${claim.kind} claim is no tool's figure`);
    }
    taken.add(`${tool.sourceId}:${tool.itemId}`);
  }
}

// ---------- movers: each figure from the lists, ordered as the figures say ----------

function checkMovers(c: Checker): void {
  const { climbers, growth } = c.issue.movers;
  const heading = (c.issue.movers as { heading?: unknown }).heading;
  if (typeof heading === 'string' && /this week/i.test(heading)) {
    const sinceAt = c.issue.movers.sinceAt;
    c.expect(sinceAt !== undefined && c.inputs.now - sinceAt >= 6 * DAY, `movers heading "${heading}": the comparison is not a week old`);
  }
  for (const mover of climbers) {
    checkClaim(c, mover.claim);
    const baseline = snapshotAt(c.inputs, mover.sourceId, mover.sinceAt);
    const latest = c.latest(mover.sourceId);
    const before = rankIn(c.inputs, mover.sourceId, baseline, mover.itemId);
    const now = rankIn(c.inputs, mover.sourceId, latest, mover.itemId);
    const label = `climber ${mover.sourceId}:${mover.itemId}`;
    c.expect(baseline !== undefined, `${label}: no stored list at sinceAt`);
    c.expect(now === mover.rank, `${label}: rank ${mover.rank}, stored ${now}`);
    c.expect(mover.isNew === (before === undefined), `${label}: isNew ${mover.isNew} but its baseline rank is ${before}`);
    if (!mover.isNew) c.expect(before !== undefined && now !== undefined && mover.climbed === before - now, `${label}: climbed ${mover.climbed}, stored ${before} → ${now}`);
  }
  for (let index = 1; index < climbers.length; index++) {
    const [a, b] = [climbers[index - 1]!, climbers[index]!];
    const key = (mover: Mover) => mover.climbed ?? -1;
    c.expect(key(a) > key(b) || (key(a) === key(b) && a.rank <= b.rank), `climbers out of order: ${a.itemId} (${a.climbed ?? 'new'}, No. ${a.rank}) before ${b.itemId} (${b.climbed ?? 'new'}, No. ${b.rank})`);
  }
  for (const mover of growth) {
    checkClaim(c, mover.claim);
    const label = `growth ${mover.sourceId}:${mover.itemId}`;
    c.expect(mover.claim.kind === 'growth' && mover.perDay === mover.claim.perDay && mover.claim.itemId === mover.itemId, `${label}: perDay ${mover.perDay} is not its claim's`);
    c.expect(!mover.isNew, `${label}: a growth mover is not new`);
    const latest = c.latest(mover.sourceId);
    const item = findItem(c.inputs, mover.sourceId, mover.itemId)?.item;
    if (mover.sourceId === 'gh-search') c.expect(!!item && !!latest && isYoung(item, latest.fetchedAt), `${label}: shown as a new AI repository but created ${item?.createdAt ?? 'at an unknown time'}`);
    if (mover.sourceId.startsWith('gh-trending')) c.expect(c.oracle.aiRepositories.has(mover.itemId), `${label}: not an AI/ML repository`);
  }
  for (let index = 1; index < growth.length; index++) {
    c.expect(growth[index - 1]!.perDay! >= growth[index]!.perDay!, `growth movers out of order: ${growth[index - 1]!.itemId} (${growth[index - 1]!.perDay}) before ${growth[index]!.itemId} (${growth[index]!.perDay})`);
  }
}

// ---------- the trending lists: every label true of every row ----------

function checkTrending(c: Checker): void {
  const { models, datasets, repositories, spaces } = c.issue.trending;
  for (const entry of repositories) c.expect(c.oracle.aiRepositories.has(entry.itemId) || entry.sourceId === 'gh-search', `trending repositories: ${entry.itemId} is not an AI/ML repository`);
  for (const entry of repositories) {
    if (entry.sourceId !== 'gh-search') continue;
    const item = findItem(c.inputs, 'gh-search', entry.itemId)?.item;
    const latest = c.latest('gh-search');
    c.expect(!!item && !!latest && isYoung(item, latest.fetchedAt), `trending repositories: ${entry.itemId} under "New AI repositories" was created ${item?.createdAt}`);
  }
  for (const list of [models, datasets, spaces, repositories]) {
    for (const entry of list) {
      const latest = c.latest(entry.sourceId);
      c.expect(rankIn(c.inputs, entry.sourceId, latest, entry.itemId) === entry.rank, `trending ${entry.sourceId}:${entry.itemId}: rank ${entry.rank} is not its stored rank`);
      // The baseline of a list: where the movers compared it, when they did.
      const sinceAt = c.issue.movers.climbers.find((mover) => mover.sourceId === entry.sourceId)?.sinceAt ?? (entry.sourceId === 'hf-models' ? c.issue.movers.sinceAt : undefined);
      if (sinceAt === undefined) continue;
      const before = rankIn(c.inputs, entry.sourceId, snapshotAt(c.inputs, entry.sourceId, sinceAt), entry.itemId);
      c.expect(entry.isNew === (before === undefined), `trending ${entry.sourceId}:${entry.itemId}: isNew ${entry.isNew}, baseline rank ${before}`);
      if (before !== undefined && before !== entry.rank) c.expect(entry.climbed === before - entry.rank, `trending ${entry.sourceId}:${entry.itemId}: climbed ${entry.climbed}, stored ${before} → ${entry.rank}`);
    }
  }
  // "3 repositories that are not AI/ML left out" (issue #11): the rows of the stored list above the last one shown
  // that the list does not show, counted position by position; each of them not AI/ML where it says so.
  for (const key of ['models', 'datasets', 'repositories', 'spaces'] as const) {
    const list = c.issue.trending[key];
    const said = c.issue.leftOut?.[key];
    const last = list.at(-1);
    const latest = last ? c.latest(last.sourceId) : undefined;
    const shown = new Set(list.map((entry) => entry.itemId));
    const missing: string[] = [];
    for (let position = 1; last && latest && position < last.rank; position += 1) {
      const itemId = latest.keys[position - 1] === undefined ? undefined : c.inputs.windows[last.sourceId]?.items.get(latest.keys[position - 1]!)?.itemId;
      if (itemId === undefined || !shown.has(itemId)) missing.push(itemId ?? `#${position}`);
    }
    c.expect((said?.count ?? 0) === missing.length, `trending ${key}: ${said?.count ?? 0} said left out, ${missing.length} are (${missing.join(', ')})`);
    if (said?.why === 'not-ai') {
      for (const itemId of missing) c.expect(!c.oracle.aiRepositories.has(itemId), `trending ${key}: ${itemId} said not AI/ML but is`);
    }
  }
}

// ---------- the watch piece: every watched move told, nothing else, each figure from the lists ----------

/** The oracle's own table: where an item of each kind is listed. */
const WATCH_SOURCES: Record<string, SourceId[]> = {
  model: ['hf-models'],
  dataset: ['hf-datasets'],
  space: ['hf-spaces'],
  paper: ['hf-papers'],
  repo: ['gh-trending-daily', 'gh-trending-weekly', 'gh-search'],
};

const WATCH_LIST_NAMES: Record<string, SourceId> = {
  "Hugging Face's trending models": 'hf-models',
  "Hugging Face's trending datasets": 'hf-datasets',
  "Hugging Face's trending spaces": 'hf-spaces',
  "Hugging Face's daily papers": 'hf-papers',
  "GitHub's daily trending page": 'gh-trending-daily',
  "GitHub's weekly trending page": 'gh-trending-weekly',
  "GitHub's new AI repositories": 'gh-search',
};

/** The last attempt failed (a success since clears it). */
function sourceFailing(inputs: IssueInputs, sourceId: SourceId): boolean {
  const status = inputs.windows[sourceId]?.status;
  return !!status?.lastError && (status.lastSuccessAt ?? 0) < status.lastError.at;
}

/** The list a day back: the last one at least 22 h older than the latest, else the oldest at least 20 h older. */
function dayBefore(inputs: IssueInputs, sourceId: SourceId): Snapshot | undefined {
  const snapshots = snapshotsOf(inputs, sourceId);
  const latest = snapshots[snapshots.length - 1];
  if (!latest) return undefined;
  const older = snapshots.filter((snapshot) => snapshot.fetchedAt <= latest.fetchedAt - 22 * 60 * 60 * 1000);
  if (older.length > 0) return older[older.length - 1];
  const oldest = snapshots[0]!;
  return latest.fetchedAt - oldest.fetchedAt >= 20 * 60 * 60 * 1000 ? oldest : undefined;
}

function checkWatch(c: Checker): void {
  const { inputs } = c;
  // What the oracle expects: `source item` → the move, for every watched item in every list of its kind.
  const expected = new Map<string, 'entered' | 'climbed' | 'left'>();
  for (const entry of inputs.watchlist ?? []) {
    for (const sourceId of WATCH_SOURCES[entry.kind] ?? []) {
      const latest = c.latest(sourceId);
      const before = dayBefore(inputs, sourceId);
      if (!latest || !before || sourceFailing(inputs, sourceId) || inputs.now - latest.fetchedAt > DAY) continue;
      const then = rankIn(inputs, sourceId, before, entry.id);
      const now = rankIn(inputs, sourceId, latest, entry.id);
      const move = now !== undefined && then === undefined ? 'entered' : now === undefined && then !== undefined ? 'left' : now !== undefined && then! - now >= 3 ? 'climbed' : undefined;
      if (move) expected.set(`${sourceId} ${entry.id}`, move);
    }
  }
  const story = c.issue.watch;
  c.expect((story !== undefined) === (expected.size > 0), `watch piece: ${story ? 'printed' : 'absent'}, but the oracle finds ${expected.size} moves`);
  if (!story) return;
  for (const claim of story.claims) checkClaim(c, claim);
  checkAgeWords(c, story);
  const told = new Map<string, string>();
  for (const claim of story.claims) {
    if (claim.kind === 'entered' || claim.kind === 'left') told.set(`${claim.sourceId} ${claim.itemId}`, claim.kind);
    if (claim.kind === 'climb') told.set(`${claim.sourceId} ${claim.itemId}`, 'climbed');
  }
  const capped = story.paragraphs.at(-1) === 'Other watched items moved too.';
  for (const [key, move] of expected) {
    if (told.has(key)) c.expect(told.get(key) === move, `watch piece: ${key} ${told.get(key)}, the oracle says ${move}`);
    else c.expect(capped, `watch piece: ${key} ${move}, not told`);
  }
  for (const [key, move] of told) c.expect(expected.get(key) === move, `watch piece: ${key} ${move}, which the oracle does not find`);

  // Every sentence is one of three, and each figure in it is the lists'.
  // The name is the item's own, as a literal (a paper's title has spaces and dots).
  const sentence = (name: string) => {
    const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(
      `New on (.+?) since [^:]+: (${n}), at No\\. (\\d+)(?:, with ([\\d,]+) (likes?|stars?|upvotes?)( today| this week)?)?\\.|` +
        `On (.+?), (${n}) climbed from No\\. (\\d+) to No\\. (\\d+) since [^;.]+?(?:; its (likes|stars|upvotes) went from ([\\d,]+) to ([\\d,]+))?\\.|` +
        `No longer on (.+?): (${n}), No\\. (\\d+) [^.]+\\.`,
      'g',
    );
  };
  story.paragraphs.forEach((paragraph, index) => {
    if (capped && index === story.paragraphs.length - 1) return;
    const item = story.items[index];
    const sentences = item ? [...paragraph.matchAll(sentence(item.name))] : [];
    c.expect(sentences.map((match) => match[0]).join(' ') === paragraph, `watch piece: "${paragraph}" is not made of sentences the oracle reads`);
    c.expect(!!item && (sentences[0]?.[2] ?? sentences[0]?.[8] ?? sentences[0]?.[15]) === item.name, `watch piece: paragraph ${index} does not name its item in its first sentence`);
    for (const match of sentences) {
      const [name, list] = match[1] ? [match[2]!, match[1]] : match[7] ? [match[8]!, match[7]] : [match[15]!, match[14]!];
      const sourceId = WATCH_LIST_NAMES[list];
      const found = sourceId && findItem(inputs, sourceId, item?.itemId ?? '');
      c.expect(!!found && found.item.name === name, `watch piece: "${match[0]}": no watched item ${name} on ${list}`);
      if (!sourceId || !found) continue;
      const latest = c.latest(sourceId);
      const before = dayBefore(inputs, sourceId);
      const id = found.item.itemId;
      if (match[1]) {
        c.expect(expected.get(`${sourceId} ${id}`) === 'entered' && rankIn(inputs, sourceId, latest, id) === Number(match[3]), `watch piece: "${match[0]}": it is No. ${rankIn(inputs, sourceId, latest, id)}`);
        if (match[4]) {
          const metric: MetricName = sourceId.startsWith('gh-trending') ? 'starsInPeriod' : sourceId === 'hf-papers' ? 'upvotes' : sourceId.startsWith('gh-') ? 'stars' : 'likes';
          c.expect(valueIn(inputs, sourceId, latest, id, metric) === num(match[4]), `watch piece: "${match[0]}": ${metric} is ${valueIn(inputs, sourceId, latest, id, metric)}`);
          c.expect((match[6] ?? '') === (sourceId === 'gh-trending-daily' ? ' today' : sourceId === 'gh-trending-weekly' ? ' this week' : ''), `watch piece: "${match[0]}": the wrong period`);
        }
      } else if (match[7]) {
        c.expect(expected.get(`${sourceId} ${id}`) === 'climbed', `watch piece: "${match[0]}": not a climb of 3 places or more`);
        c.expect(rankIn(inputs, sourceId, before, id) === Number(match[9]) && rankIn(inputs, sourceId, latest, id) === Number(match[10]), `watch piece: "${match[0]}": ranks ${rankIn(inputs, sourceId, before, id)} → ${rankIn(inputs, sourceId, latest, id)}`);
        if (match[11]) {
          const metric = match[11] as MetricName;
          c.expect(valueIn(inputs, sourceId, before, id, metric) === num(match[12]!) && valueIn(inputs, sourceId, latest, id, metric) === num(match[13]!), `watch piece: "${match[0]}": ${metric} ${valueIn(inputs, sourceId, before, id, metric)} → ${valueIn(inputs, sourceId, latest, id, metric)}`);
        }
      } else {
        c.expect(expected.get(`${sourceId} ${id}`) === 'left' && rankIn(inputs, sourceId, before, id) === Number(match[16]), `watch piece: "${match[0]}": it was No. ${rankIn(inputs, sourceId, before, id)}`);
      }
    }
  });
}

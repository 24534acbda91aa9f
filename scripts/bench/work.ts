/**
 * The worker's work over a year of history (issue #8, "Work"): reading the
 * issue's inputs, composing the issue, the movers alone, and each source's
 * parse-and-store, timed in an extension page over the database that
 * scripts/bench/year.ts grew in the extension's own IndexedDB. Printed, never
 * asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SOURCES } from '../../lib/sources';
import { SOURCE_IDS, type SourceId } from '../../lib/sources/ids';
import type { ExtensionSession } from '../../tests/support/browser';
import { SHARED_FIXTURES } from '../../tests/support/paths';
import { ownRecordings, sharedRecordings } from '../../tests/support/recordings';
import { redatedBody } from '../../tests/support/redate';
import { openBenchPage, type PageBench } from './page-bundle';

export interface WorkOptions {
  /** Timed runs of each measure (after `warmup` untimed ones): 15 by default. */
  runs?: number;
  /** Runs first made and left out of the figures (the first is reported as `first`): 2 by default. */
  warmup?: number;
  /**
   * Cold runs: each in a fresh page (a new JavaScript realm, nothing compiled
   * yet), one issue and one parse-and-store of the seven, as a worker just
   * woken by its hourly alarm does them: 5 by default.
   */
  coldRuns?: number;
}

/** Milliseconds over the timed runs. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  /** The first call of all, warm-up included: code not yet optimised, as in a worker just woken. */
  first: number;
  runs: number;
}

export interface SourceWork {
  /** Items the recorded response parses to, and its size in bytes. */
  items: number;
  responseBytes: number;
  parse: Timing;
  /** recordSuccess into the year's database. */
  store: Timing;
  parseAndStore: Timing;
}

export interface WorkReport {
  runs: number;
  warmup: number;
  /** The issue that would come next, over the whole year's database. */
  issue: {
    number: number;
    timeZone: string;
    snapshotsRead: number;
    itemsRead: number;
    /** lib/background/issue-inputs.ts loadIssueInputs (one read transaction). */
    loadInputs: Timing;
    /** lib/issue/compose.ts composeIssue over those inputs. */
    compose: Timing;
    /** lib/issue/facts.ts factsOf alone, and lib/issue/sections.ts movers given the facts. */
    facts: Timing;
    movers: Timing;
  };
  /** Per source: its recorded response parsed and stored; `seven`: the seven one after another, per run. */
  refresh: { sources: Record<SourceId, SourceWork>; seven: Timing; sevenParse: Timing; sevenStore: Timing };
  /** The first call in a fresh page, `coldRuns` times: what a worker just started pays. */
  cold?: { runs: number; loadInputs: Timing; compose: Timing; seven: Timing; sevenParse: Timing; sevenStore: Timing };
}

/** Median, min and max of `samples` after the first `warmup`; `first` is the very first sample. */
export function timing(samples: readonly number[], warmup: number): Timing {
  const timed = [...samples.slice(warmup)].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  const middle = timed.length % 2 ? timed[(timed.length - 1) / 2]! : (timed[timed.length / 2 - 1]! + timed[timed.length / 2]!) / 2;
  return { median: round(middle), min: round(timed[0]!), max: round(timed.at(-1)!), first: round(samples[0]!), runs: timed.length };
}

/** Time the work in the session's extension, over what is in its database now (growYear's year). */
export async function measureWork(session: ExtensionSession, options: WorkOptions = {}): Promise<WorkReport> {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 2;
  const coldRuns = options.coldRuns ?? 5;
  // The responses as the worker would get them now (tests/support/redate.ts).
  const files = existsSync(SHARED_FIXTURES) ? sharedRecordings() : ownRecordings();
  const now = Date.now();
  const texts = Object.fromEntries(SOURCE_IDS.map((id) => [id, redatedBody(files[id], readFileSync(files[id], 'utf8'), now)])) as Record<SourceId, string>;
  // What the runs will write over, so that the page can put it back (parsed here: the page's parsers stay cold).
  const ids = SOURCE_IDS.flatMap((id) => SOURCES[id].parse(texts[id]).items.map((item): [SourceId, string] => [id, item.id]));
  const measure = async (issueRuns: number, refreshRuns: number) => {
    const page = await openBenchPage(session);
    try {
      const issue = await page.evaluate((total) => (globalThis as unknown as { __ampBench: PageBench }).__ampBench.measureIssue(total), issueRuns);
      const refresh = await page.evaluate(
        ([texts, ids, total]) => (globalThis as unknown as { __ampBench: PageBench }).__ampBench.measureRefresh(texts, ids, total),
        [texts, ids, refreshRuns] as const,
      );
      return { issue, refresh };
    } finally {
      await page.close();
    }
  };
  const sevenOf = (refresh: Awaited<ReturnType<typeof measure>>['refresh'], pick: (parse: number, store: number) => number) =>
    Array.from({ length: refresh.sources['hf-models'].parse.length }, (_, run) =>
      SOURCE_IDS.reduce((total, id) => total + pick(refresh.sources[id].parse[run]!, refresh.sources[id].store[run]!), 0),
    );

  // Cold first: a fresh page each, before the warm runs have compiled anything in the page's process.
  const colds: Awaited<ReturnType<typeof measure>>[] = [];
  for (let run = 0; run < coldRuns; run++) colds.push(await measure(1, 1));
  const coldOf = (pick: (sample: Awaited<ReturnType<typeof measure>>) => number) => timing(colds.map(pick), 0);
  const cold: WorkReport['cold'] = coldRuns < 1 ? undefined : {
    runs: coldRuns,
    loadInputs: coldOf((sample) => sample.issue.loadInputs[0]!),
    compose: coldOf((sample) => sample.issue.compose[0]!),
    seven: coldOf((sample) => sevenOf(sample.refresh, (parse, store) => parse + store)[0]!),
    sevenParse: coldOf((sample) => sevenOf(sample.refresh, (parse) => parse)[0]!),
    sevenStore: coldOf((sample) => sevenOf(sample.refresh, (_parse, store) => store)[0]!),
  };

  const { issue, refresh } = await measure(runs + warmup, runs + warmup);
  const sources = {} as Record<SourceId, SourceWork>;
  for (const id of SOURCE_IDS) {
    const { items, bytes, parse, store } = refresh.sources[id];
    sources[id] = {
      items,
      responseBytes: bytes,
      parse: timing(parse, warmup),
      store: timing(store, warmup),
      parseAndStore: timing(parse.map((ms, run) => ms + store[run]!), warmup),
    };
  }
  return {
    runs,
    warmup,
    issue: {
      number: issue.number,
      timeZone: issue.timeZone,
      snapshotsRead: issue.snapshotsRead,
      itemsRead: issue.itemsRead,
      loadInputs: timing(issue.loadInputs, warmup),
      compose: timing(issue.compose, warmup),
      facts: timing(issue.facts, warmup),
      movers: timing(issue.movers, warmup),
    },
    refresh: {
      sources,
      seven: timing(sevenOf(refresh, (parse, store) => parse + store), warmup),
      sevenParse: timing(sevenOf(refresh, (parse) => parse), warmup),
      sevenStore: timing(sevenOf(refresh, (_parse, store) => store), warmup),
    },
    cold,
  };
}

import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { publishIfDue } from '@/lib/background/publish';
import { firstScreenOf, isPacked, IssueRecordError, packIssue, unpackIssue, type StoredIssue } from '@/lib/history/issue-codec';
import { issueByNumber, storeIssue } from '@/lib/history/issues';
import type { Claim, Entry, Issue, Mover, Paper, Tool } from '@/lib/shared/issue-types';
import { DEFAULT_SETTINGS } from '@/lib/shared/settings';
import type { SourceId } from '@/lib/sources/ids';
import { testDb } from '../../support/db';
import { writeWeek } from '../../support/issue-history';
import { handIssue } from '../../support/hand-issue';

/**
 * The stored form of an issue (issue #8): at most 10 KB a record, the first
 * screen readable without decompressing, and the whole issue back exactly as
 * it was composed. Expected values are the issue as composed (or as written
 * by hand here), never the codec's own output; the body is read back with
 * node:zlib, a second implementation of the format.
 */

const START = Date.UTC(2026, 10, 20, 6, 0); // the recorded week of tests/unit/issue/oracle/recorded-week.test.ts
const NOW = START + 7 * 24 * 3_600_000 + 18 * 3_600_000 + 60_000;
/** Issue #8's target for a stored issue record, by V8's structured-clone size (what IndexedDB stores). */
const RECORD_BUDGET = 10_000;

const roundTrip = async (issue: Issue) => unpackIssue(await packIssue(issue));
const bodyJson = (record: StoredIssue) => inflateSync(record.body).toString('utf8');

describe('the recorded week’s issue, stored', () => {
  it(`is a record of at most ${RECORD_BUDGET.toLocaleString('en-US')} bytes that reads back as the issue composed`, async () => {
    const db = testDb();
    await writeWeek(db, START, 8);
    const issue = (await publishIfDue(db, NOW, DEFAULT_SETTINGS, 'UTC'))!;
    expect(issue.trending.models.length).toBeGreaterThan(0);
    // Read as stored, not through the code under test.
    const record = (await db.issues.get(issue.number)) as StoredIssue;
    expect(isPacked(record)).toBe(true);
    const size = serialize(record).length;
    const whole = serialize(issue).length;

    const times = { pack: [] as number[], unpack: [] as number[] };
    for (let run = 0; run < 10; run++) {
      let start = performance.now();
      const packed = await packIssue(issue);
      times.pack.push(performance.now() - start);
      start = performance.now();
      await unpackIssue(packed);
      times.unpack.push(performance.now() - start);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1);
    console.log(
      `issue record: ${size.toLocaleString('en-US')} B stored (body ${record.body.byteLength.toLocaleString('en-US')} B compressed from ` +
        `${bodyJson(record).length.toLocaleString('en-US')} B of JSON; first screen ${serialize(record.front).length.toLocaleString('en-US')} B); ` +
        `the issue whole ${whole.toLocaleString('en-US')} B. Pack ${median(times.pack)} ms, unpack ${median(times.unpack)} ms (median of 10, first run included).`,
    );
    expect(size).toBeLessThanOrEqual(RECORD_BUDGET);

    expect(await unpackIssue(record)).toStrictEqual(issue);
    expect(await issueByNumber(db, issue.number)).toStrictEqual(issue);
    // Keys in their order, too: the same JSON text.
    expect(JSON.stringify(await unpackIssue(record))).toBe(JSON.stringify(issue));
  });

  it('keeps the first screen plain, and only there', async () => {
    const db = testDb();
    await writeWeek(db, START, 2, 2);
    const issue = (await publishIfDue(db, START + 36 * 3_600_000, DEFAULT_SETTINGS, 'Europe/Paris'))!;
    const record = (await db.issues.get(issue.number)) as StoredIssue;
    // The popup's teaser: the first two climbers and the first grower, with what the popup prints of them.
    const [first, second] = issue.movers.climbers;
    const grower = issue.movers.growth[0]!;
    expect(first && second && grower).toBeTruthy();
    const teaser = [
      { sourceId: first!.sourceId, itemId: first!.itemId, name: first!.name, rank: first!.rank, isNew: first!.isNew, climbed: first!.climbed },
      { sourceId: second!.sourceId, itemId: second!.itemId, name: second!.name, rank: second!.rank, isNew: second!.isNew, climbed: second!.climbed },
      { sourceId: grower.sourceId, itemId: grower.itemId, name: grower.name, rank: grower.rank, isNew: grower.isNew, perDay: grower.perDay, metric: grower.metric },
    ];
    const front = {
      number: issue.number,
      publishedAt: issue.publishedAt,
      timeZone: 'Europe/Paris',
      masthead: issue.masthead,
      lead: { kicker: issue.lead.kicker, headline: issue.lead.headline, standfirst: issue.lead.standfirst },
      teaser,
    };
    expect(issue.lead.standfirst).toBeTypeOf('string');
    expect(record.front).toStrictEqual(front);
    expect(firstScreenOf(record)).toStrictEqual(front);
    expect(firstScreenOf(issue)).toStrictEqual(front);
    // The body is zlib (node:zlib checks its Adler-32) and does not repeat the first screen.
    const json = bodyJson(record);
    expect(json).not.toContain(issue.masthead.dateline);
    expect(json).not.toContain(JSON.stringify(issue.lead.headline));
    expect(json).toContain(JSON.stringify(issue.lead.paragraphs[0]));
  });
});

/** Items of every kind the codec shortens, and the cases it must leave alone. */
const T = Date.UTC(2026, 10, 28, 7, 0);
const HF_MODEL = 'Qwen/Qwen3.8-27B';
const rank = (sourceId: SourceId, itemId: string): Claim => ({ kind: 'rank', sourceId, itemId, at: T, rank: 1, printed: ['1'] });
const entry = (sourceId: SourceId, itemId: string, extra: Partial<Entry> = {}): Entry => ({
  sourceId,
  itemId,
  rank: 1,
  name: itemId,
  url: extra.url ?? '',
  metrics: { likes: 3 },
  isNew: false,
  ...extra,
});
const mover = (sourceId: SourceId, itemId: string, url: string, extra: Partial<Mover> = {}): Mover => ({
  sourceId,
  itemId,
  name: itemId,
  url,
  rank: 2,
  isNew: false,
  climbed: 4,
  sinceAt: T - 7 * 86_400_000,
  sparkline: [6, 4, 2],
  sparklineOf: 'rank',
  claim: { kind: 'climb', sourceId, itemId, fromAt: T - 7 * 86_400_000, toAt: T, fromRank: 6, toRank: 2, printed: ['6', '2', '4'] },
  ...extra,
});
const tool = (sourceId: SourceId, itemId: string, url: string, extra: Partial<Tool> = {}): Tool => ({
  kind: 'model',
  sourceId,
  itemId,
  name: itemId,
  url,
  description: 'A model.',
  figure: '+1 like a day',
  claim: rank(sourceId, itemId),
  ...extra,
});
const paper = (arxivId: string, url: string, extra: Partial<Paper> = {}): Paper => ({ arxivId, title: 'A paper', url, authors: ['A. Author'], upvotes: 12, ...extra });

describe('hand-made issues come back exactly', () => {
  it('with every section empty, no standfirst, no time zone, no movers heading', async () => {
    const issue: Issue = {
      number: 1,
      publishedAt: T,
      masthead: { name: 'The AI Morning Post', tagline: '', dateline: '', sources: [] },
      lead: { kicker: 'Lead', headline: '', paragraphs: [], claims: [] },
      analysis: [],
      tools: [],
      trending: { models: [], datasets: [], repositories: [], spaces: [] },
      movers: { climbers: [], growth: [] },
      reading: [],
    };
    const back = await roundTrip(issue);
    expect(back).toStrictEqual(issue);
    expect(Object.keys(back)).toEqual(Object.keys(issue));
    expect(Object.keys(back.lead)).toEqual(['kicker', 'headline', 'paragraphs', 'claims']);
    expect(firstScreenOf(await packIssue(issue))).toStrictEqual({ number: 1, publishedAt: T, masthead: issue.masthead, lead: { kicker: 'Lead', headline: '' }, teaser: [] });
  });

  it('with links rebuilt from ids, and links, names and claims that are not left as they are', async () => {
    const issue = handIssue({
      tools: [
        tool('hf-models', HF_MODEL, `https://huggingface.co/${HF_MODEL}`),
        // Another item's claim, a claim without an item, a name that is not the id.
        tool('hf-spaces', 'org/space', 'https://huggingface.co/spaces/org/space', { claim: rank('hf-spaces', 'org/other'), name: 'A Space' }),
        tool('gh-search', 'octo/repo', 'https://github.com/octo/repo', {
          kind: 'repository',
          claim: { kind: 'new-entries', sourceId: 'gh-search', sinceAt: T - 1, at: T, itemIds: ['octo/repo'], printed: [] },
        }),
        tool('hf-models', 'org/claimed', 'https://huggingface.co/org/claimed', { claim: rank('hf-datasets', 'org/claimed') }),
      ],
      trending: {
        models: [
          entry('hf-models', HF_MODEL, { url: `https://huggingface.co/${HF_MODEL}` }),
          entry('hf-models', 'gpt2', { url: 'https://huggingface.co/gpt2' }),
          // Not the canonical link: another case, a trailing slash, http, another host, empty.
          entry('hf-models', 'org/a', { url: 'https://huggingface.co/Org/a' }),
          entry('hf-models', 'org/b', { url: 'https://huggingface.co/org/b/' }),
          entry('hf-models', 'org/c', { url: 'http://huggingface.co/org/c' }),
          entry('hf-models', 'org/d', { url: 'https://github.com/org/d' }),
          entry('hf-models', 'org/e', { url: '' }),
          // An id links.ts refuses: kept as it is.
          entry('hf-models', '../../settings', { url: 'https://huggingface.co/../../settings' }),
          entry('hf-models', 'org/f', { url: 'https://huggingface.co/org/f', name: 'org/F' }),
        ],
        datasets: [entry('hf-datasets', 'org/data', { url: 'https://huggingface.co/datasets/org/data' }), entry('hf-datasets', 'org/data2', { url: 'https://huggingface.co/org/data2' })],
        repositories: [
          entry('gh-trending-daily', 'octo/one', { url: 'https://github.com/octo/one' }),
          entry('gh-trending-weekly', 'octo/two', { url: 'https://github.com/octo/two' }),
          entry('gh-search', 'octo/three', { url: 'https://github.com/octo/three' }),
          entry('gh-search', 'octo/four', { url: 'https://github.com/octo/four.git' }),
        ],
        spaces: [entry('hf-spaces', 'org/space', { url: 'https://huggingface.co/spaces/org/space' }), entry('unknown-source' as SourceId, 'org/x', { url: 'https://huggingface.co/org/x' })],
      },
      movers: {
        heading: 'Biggest Movers This Week',
        sinceAt: T - 7 * 86_400_000,
        climbers: [mover('hf-models', HF_MODEL, `https://huggingface.co/${HF_MODEL}`), mover('hf-papers', '2607.07673', 'https://huggingface.co/papers/2607.07673')],
        growth: [mover('gh-trending-weekly', 'octo/two', 'https://github.com/octo/two', { claim: rank('gh-trending-weekly', 'octo/one') })],
      },
      reading: [
        paper('2607.07673', 'https://huggingface.co/papers/2607.07673', { codeUrl: 'https://github.com/octo/code', summary: 'Short.' }),
        paper('2607.07674', 'https://arxiv.org/abs/2607.07674'),
        paper('not-an-id', 'https://huggingface.co/papers/not-an-id'),
      ],
    });
    const record = await packIssue(issue);
    const back = await unpackIssue(record);
    expect(back).toStrictEqual(issue);
    expect(JSON.stringify(back)).toBe(JSON.stringify(issue));
    // What was shortened, read with node:zlib: the canonical links are not in the body, the others are.
    const json = bodyJson(record);
    expect(json).not.toContain(`"https://huggingface.co/${HF_MODEL}"`);
    expect(json).not.toContain('"https://huggingface.co/papers/2607.07673"');
    for (const kept of ['https://huggingface.co/Org/a', 'https://huggingface.co/org/b/', 'http://huggingface.co/org/c', 'https://github.com/octo/four.git', 'https://arxiv.org/abs/2607.07674', 'https://huggingface.co/org/x']) {
      expect(json).toContain(JSON.stringify(kept));
    }
  });

  it('with unicode, emoji, lone surrogates and strings that look like its escapes', async () => {
    const strange = [
      '🧑🏽‍💻 Ünïcödé — 日本語のモデル 👨‍👩‍👧‍👦',
      'مرحبا بالعالم',
      'e\u0301 combining, \u200d joiner, \u2028\u2029 separators',
      'a lone \ud83d surrogate and a reversed \udc00\ud83d pair',
      '\u0000',
      '\u0000NaN',
      '\u0000\u0000-0',
      '0',
      '',
      '"quoted" \\ back\\slash </script>',
    ];
    const issue = handIssue({
      timeZone: 'Asia/Kathmandu',
      lead: { kicker: strange[0]!, headline: strange[1]!, standfirst: strange[3]!, paragraphs: strange, claims: [rank('hf-models', strange[0]!)] },
      analysis: [{ kicker: 'Deep Dive', headline: strange[2]!, paragraphs: [...strange].reverse(), claims: [] }],
      trending: {
        models: strange.map((text, index) => entry('hf-models', text, { rank: index + 1, url: text, description: text, chip: text })),
        datasets: [],
        repositories: [],
        spaces: [],
      },
      reading: [paper('2607.00001', 'https://huggingface.co/papers/2607.00001', { authors: strange, summary: strange.join(' ') })],
    });
    const back = await roundTrip(issue);
    expect(back).toStrictEqual(issue);
    expect(back.lead.paragraphs).toEqual(strange);
    expect(JSON.stringify(back)).toBe(JSON.stringify(issue));
  });

  it('with figures JSON cannot hold: NaN, ±Infinity, -0, the largest and smallest numbers', async () => {
    const figures = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, -1e-7];
    const issue = handIssue({
      trending: {
        models: [entry('hf-models', HF_MODEL, { url: `https://huggingface.co/${HF_MODEL}`, metrics: { likes: Number.NaN, downloads: -0, trendingScore: Number.POSITIVE_INFINITY }, climbed: -0 })],
        datasets: [],
        repositories: [],
        spaces: [],
      },
      movers: { climbers: [], growth: [mover('hf-models', HF_MODEL, `https://huggingface.co/${HF_MODEL}`, { perDay: -0, sparkline: figures, sparklineOf: 'likes' })] },
    });
    const back = await roundTrip(issue);
    expect(back).toStrictEqual(issue);
    // toStrictEqual tells -0 from 0 and NaN from null; said once more, plainly.
    expect(Object.is(back.movers.growth[0]!.perDay, -0)).toBe(true);
    expect(back.movers.growth[0]!.sparkline.map(String)).toEqual(['NaN', 'Infinity', '-Infinity', '0', '0', '1.7976931348623157e+308', '5e-324', '9007199254740991', '-1e-7']);
    expect(Object.is(back.movers.growth[0]!.sparkline[3], -0)).toBe(true);
    expect(Object.is(back.movers.growth[0]!.sparkline[4], 0)).toBe(true);
  });

  it('with huge strings and lists, through the database', async () => {
    // A string deflate cannot shrink much: pseudo-random code points from a fixed seed, astral ones included.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const noise = Array.from({ length: 100_000 }, () => {
      const point = next() % 0x2ffff;
      return point >= 0xd800 && point <= 0xdfff ? 'x' : String.fromCodePoint(point);
    }).join('');
    const issue = handIssue({
      lead: { kicker: 'Lead', headline: 'h'.repeat(100_000), standfirst: noise.slice(0, 1_000), paragraphs: [noise, 'p'.repeat(1_000_000)], claims: [] },
      trending: {
        models: Array.from({ length: 2_000 }, (_, index) => entry('hf-models', `org/model-${index}`, { rank: index + 1, url: `https://huggingface.co/org/model-${index}` })),
        datasets: [],
        repositories: [],
        spaces: [],
      },
    });
    const db = testDb();
    expect(await storeIssue(db, issue)).toBe(true);
    const record = (await db.issues.get(issue.number)) as StoredIssue;
    expect(isPacked(record)).toBe(true);
    expect(await issueByNumber(db, issue.number)).toStrictEqual(issue);
  });
});

describe('a record that cannot be read', () => {
  const reads = async (record: StoredIssue | Issue) => unpackIssue(record).then(
    () => 'read',
    (error: unknown) => (error instanceof IssueRecordError ? error.message : `not an IssueRecordError: ${String(error)}`),
  );
  const withBody = (record: StoredIssue, body: Uint8Array): StoredIssue => ({ ...record, body });

  it('rejects a corrupt body, a flipped bit anywhere', async () => {
    const record = await packIssue(handIssue());
    const positions = new Set([0, 1, 2, record.body.length - 4, record.body.length - 1]);
    for (let at = 3; at < record.body.length; at += Math.ceil(record.body.length / 40)) positions.add(at);
    for (const at of positions) {
      for (const bit of [0x01, 0x80]) {
        const body = record.body.slice();
        body[at]! ^= bit;
        expect([at, bit, await reads(withBody(record, body))]).toEqual([at, bit, expect.stringMatching(/^Issue No\. 7 cannot be read: its body is cut or corrupt/)]);
      }
    }
  });

  it('rejects a cut body, an empty one, and a body that is not zlib', async () => {
    const record = await packIssue(handIssue());
    for (const length of [0, 1, 2, 10, Math.floor(record.body.length / 2), record.body.length - 1]) {
      expect([length, await reads(withBody(record, record.body.subarray(0, length)))]).toEqual([length, expect.stringMatching(/cannot be read: its body is cut or corrupt/)]);
    }
    // Raw deflate (no zlib header, no checksum) of a valid body is not the stored format.
    expect(await reads(withBody(record, deflateRawSync(inflateSync(record.body))))).toMatch(/cut or corrupt/);
  });

  it('rejects a body that decompresses but is not an issue’s, or not this record’s', async () => {
    const record = await packIssue(handIssue({ number: 7 }));
    const other = await packIssue(handIssue({ number: 8 }));
    const zlib = (text: string | Buffer) => new Uint8Array(deflateSync(text));
    expect(await reads(withBody(record, other.body))).toMatch(/^Issue No\. 7 cannot be read: its body or first screen belongs to another issue/);
    expect(await reads({ ...record, front: other.front })).toMatch(/belongs to another issue/);
    expect(await reads(withBody(record, zlib('not json')))).toMatch(/not the JSON it was written as/);
    expect(await reads(withBody(record, zlib(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))))).toMatch(/cut or corrupt/);
    expect(await reads(withBody(record, zlib('[]')))).toMatch(/its body is not an object/);
    expect(await reads(withBody(record, zlib(JSON.stringify({ number: 7, publishedAt: T }))))).toMatch(/its body has no lead/);
    const body = JSON.parse(inflateSync(record.body).toString('utf8')) as Record<string, unknown>;
    expect(await reads(withBody(record, zlib(JSON.stringify({ ...body, movers: {} }))))).toMatch(/its body has no movers/);
    expect(await reads(withBody(record, zlib(JSON.stringify({ ...body, trending: { models: [] } }))))).toMatch(/its body has no trending lists/);
    expect(await reads(withBody(record, zlib(JSON.stringify({ ...body, analysis: '\u0000Infinity' }))))).toMatch(/its body has no analysis/);
    expect(await reads(withBody(record, zlib(JSON.stringify({ ...body, analysis: ['\u0000oops'] }))))).toMatch(/not the JSON it was written as/);
    // The control: the same body, zlib'd by node:zlib, reads.
    expect(await reads(withBody(record, zlib(JSON.stringify(body))))).toBe('read');
  });

  it('reads an item or paper whose id this version no longer links as plain text (an empty link), not as an unreadable issue', async () => {
    const record = await packIssue(handIssue({ number: 7 }));
    const zlib = (text: string) => new Uint8Array(deflateSync(text));
    const body = JSON.parse(inflateSync(record.body).toString('utf8')) as Record<string, unknown>;
    // 0 is the codec's "rebuild it from the id" mark (REBUILT): what a stored issue holds for a canonical link.
    const stored = { ...body, trending: { models: [{ sourceId: 'hf-models', itemId: 'settings/tokens', name: 0, url: 0 }], datasets: [], repositories: [], spaces: [] } };
    const issue = await unpackIssue(withBody(record, zlib(JSON.stringify(stored))));
    expect(issue.trending.models).toEqual([{ sourceId: 'hf-models', itemId: 'settings/tokens', name: 'settings/tokens', url: '' }]);
  });

  it('rejects a format it does not know, and what is not an issue record', async () => {
    const record = await packIssue(handIssue());
    expect(await reads({ ...record, v: 3 } as unknown as StoredIssue)).toMatch(/^Issue No\. 7: unknown record format 3/);
    expect(await reads({ ...record, body: [1, 2, 3] } as unknown as StoredIssue)).toMatch(/unknown record format 2/);
    expect(await reads({} as Issue)).toMatch(/^Not an issue record/);
    expect(await reads(null as unknown as Issue)).toMatch(/^Not an issue record/);
    expect(isPacked(record)).toBe(true);
    for (const value of [null, undefined, 7, {}, handIssue(), { ...record, v: 1 }, { ...record, body: Array.from(record.body) }, { ...record, front: null }]) {
      expect(isPacked(value)).toBe(false);
    }
  });
});

describe('issue-codec.ts', () => {
  it('loads no database and no browser API, whatever it imports in turn (the new tab loads it before Dexie)', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { fileName } of ts.preProcessFile(readFileSync(posix.join(root, file), 'utf8'), true, true).importedFiles) {
        if (fileName.startsWith('.')) visit(`${posix.join(posix.dirname(file), fileName)}.ts`.replace(/\.ts\.ts$/, '.ts'));
        else if (/^(?:@|~|@@|~~)\//.test(fileName)) visit(`${fileName.replace(/^(?:@|~|@@|~~)\//, '')}.ts`);
        else packages.add(fileName);
      }
    };
    visit('lib/history/issue-codec.ts');
    expect([...packages]).toEqual([]);
    expect([...seen].filter((file) => !file.startsWith('lib/shared/') && !file.startsWith('lib/sources/'))).toEqual(['lib/history/issue-codec.ts']);
  });
});

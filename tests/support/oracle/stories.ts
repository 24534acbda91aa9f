import type { IssueInputs } from '@/lib/issue/inputs';
import type { StoryClaim } from '@/lib/issue/stories';
import type { CatalogItem, Snapshot } from '@/lib/shared/records';
import type { SourceId } from '@/lib/sources/ids';
import { oneBaseOf } from './context';
import { DAY, findItem, rankIn, snapshotAt, snapshotsOf, valueIn, visibleRows, type Oracle } from './history';
import type { Verdict } from './check';

/**
 * The oracle for the story detectors' claims (issue #11): each figure of a
 * `StoryClaim` read back from the stored lists with the oracle's own readers
 * (tests/support/oracle/history.ts) and its own calendar, never with
 * lib/issue or lib/shared/movement. Returns what is wrong, like `checkIssue`.
 */
export function checkStoryClaims(claims: readonly StoryClaim[], inputs: IssueInputs, oracle: Oracle): Verdict {
  const problems: string[] = [];
  let checked = 0;
  const expect = (ok: boolean, message: string) => {
    checked++;
    if (!ok) problems.push(message);
  };
  for (const claim of claims) {
    const label = `${claim.kind} claim ${JSON.stringify(claim)}`;
    const failing = isFailing(inputs, claim.sourceId);
    expect(!failing, `${label}: its source is failing`);
    switch (claim.kind) {
      case 'streak': {
        const days = calendar(inputs, claim.sourceId, claim.fromAt, claim.toAt);
        expect(days !== undefined && days.length === claim.days, `${label}: not ${claim.days} consecutive days with a list`);
        for (const snapshot of days ?? []) expect(firstVisible(inputs, claim.sourceId, snapshot, oracle) === claim.itemId, `${label}: not No. 1 at ${snapshot.fetchedAt}`);
        const before = lastOfDay(inputs, claim.sourceId, dayOf(inputs, claim.fromAt, -1));
        expect(before?.fetchedAt === claim.beforeAt, `${label}: beforeAt is not the last list of the day before`);
        expect(before !== undefined && firstVisible(inputs, claim.sourceId, before, oracle) !== claim.itemId, `${label}: already No. 1 the day before`);
        expect(claim.printed.includes(String(claim.days)), `${label}: prints another length`);
        break;
      }
      case 'debut': {
        const found = findItem(inputs, claim.sourceId, claim.itemId);
        const earlier = snapshotsOf(inputs, claim.sourceId).filter((snapshot) => snapshot.fetchedAt < claim.at);
        expect(rankIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at), claim.itemId) === claim.rank, `${label}: not at that rank`);
        expect(earlier.length > 0 && earlier[0]!.fetchedAt === claim.sinceAt, `${label}: sinceAt is not the window's first list`);
        expect(earlier.every((snapshot) => rankIn(inputs, claim.sourceId, snapshot, claim.itemId) === undefined), `${label}: in an earlier list`);
        expect(found?.item.firstSeenAt === claim.firstSeenAt && claim.firstSeenAt > (earlier.at(-1)?.fetchedAt ?? Infinity), `${label}: the catalog saw it before`);
        const created = found?.item.createdAt;
        expect(created === claim.createdAt && (created === undefined || claim.at - Date.parse(created) <= 30 * DAY), `${label}: created earlier than 30 days, or not then`);
        expect(claim.printed.includes(String(claim.rank)), `${label}: prints another rank`);
        break;
      }
      case 'days-on-list': {
        const days = calendar(inputs, claim.sourceId, claim.fromAt, claim.toAt);
        expect(days !== undefined && days.length === claim.days, `${label}: not ${claim.days} consecutive days with a list`);
        const ranks = (days ?? []).map((snapshot) => visibleRows(inputs, claim.sourceId, snapshot, oracle).find((row) => row.itemId === claim.itemId)?.rank);
        expect(ranks.every((rank) => rank !== undefined), `${label}: missing on a day`);
        expect(Math.min(...(ranks as number[])) === claim.peak, `${label}: the best rank is ${Math.min(...(ranks as number[]))}`);
        const before = lastOfDay(inputs, claim.sourceId, dayOf(inputs, claim.fromAt, -1));
        if (claim.beforeAt !== undefined) {
          expect(!claim.atLeast && before?.fetchedAt === claim.beforeAt, `${label}: beforeAt is not the last list of the day before`);
          expect(before !== undefined && visibleRows(inputs, claim.sourceId, before, oracle).every((row) => row.itemId !== claim.itemId), `${label}: listed the day before`);
        } else {
          expect(claim.atLeast && before === undefined, `${label}: the day before has a list, so the stay's start is known`);
        }
        expect(claim.printed.includes(String(claim.days)) && claim.printed.includes(String(claim.peak)), `${label}: prints other figures`);
        break;
      }
      case 'rank':
        expect(rankIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at), claim.itemId) === claim.rank, `${label}: not at that rank`);
        expect(claim.printed.includes(String(claim.rank)), `${label}: prints another rank`);
        break;
      case 'metric':
        expect(valueIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at), claim.itemId, claim.metric) === claim.value, `${label}: not the stored value`);
        break;
      case 'left':
        expect(rankIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.sinceAt), claim.itemId) === claim.rank, `${label}: not at that rank at sinceAt`);
        expect(snapshotAt(inputs, claim.sourceId, claim.at) !== undefined, `${label}: no list at at`);
        expect(rankIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at), claim.itemId) === undefined, `${label}: still listed`);
        break;
      case 'derivatives': {
        const rows = visibleRows(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, claim.at), oracle).slice(0, 30);
        const of = rows.filter((row) => oneBaseOf(row.item) === claim.base).map((row) => row.itemId);
        const since = snapshotAt(inputs, claim.sourceId, claim.sinceAt);
        const fresh = of.filter((itemId) => rankIn(inputs, claim.sourceId, since, itemId) === undefined);
        expect(claim.top === rows.length, `${label}: the top holds ${rows.length}`);
        expect(JSON.stringify(of) === JSON.stringify(claim.itemIds), `${label}: the derivatives are ${JSON.stringify(of)}`);
        expect(since !== undefined && JSON.stringify(fresh) === JSON.stringify(claim.newIds), `${label}: the new ones are ${JSON.stringify(fresh)}`);
        expect(claim.printed.includes(String(of.length)) && claim.printed.includes(String(fresh.length)), `${label}: prints other counts`);
        break;
      }
      case 'owner-count': {
        const snapshot = snapshotAt(inputs, claim.sourceId, claim.at);
        const rows = visibleRows(inputs, claim.sourceId, snapshot, oracle).filter((row) => row.rank <= claim.top);
        const of = rows.filter((row) => ownerPart(row.itemId) === claim.owner).map((row) => row.itemId);
        expect(snapshot !== undefined, `${label}: no list at at`);
        expect(JSON.stringify(of) === JSON.stringify(claim.itemIds), `${label}: the owner's rows are ${JSON.stringify(of)}`);
        expect(claim.printed.includes(String(of.length)) && claim.printed.includes(String(claim.top)), `${label}: prints other counts`);
        break;
      }
      case 'derivative-share': {
        const snapshot = snapshotAt(inputs, claim.sourceId, claim.at);
        const rows = visibleRows(inputs, claim.sourceId, snapshot, oracle).slice(0, 30);
        const of = rows.filter((row) => derivativeKinds(row.item).includes(claim.derivative)).map((row) => row.itemId);
        expect(snapshot !== undefined, `${label}: no list at at`);
        expect(claim.top === rows.length, `${label}: the top holds ${rows.length}`);
        expect(JSON.stringify(of) === JSON.stringify(claim.itemIds), `${label}: the ${claim.derivative} rows are ${JSON.stringify(of)}`);
        const percent = rows.length > 0 ? `${Math.round((of.length * 100) / rows.length)}%` : '0%';
        expect(claim.printed.includes(String(of.length)) && claim.printed.includes(String(rows.length)) && claim.printed.includes(percent), `${label}: prints other figures (${of.length}, ${rows.length}, ${percent})`);
        break;
      }
      case 'acceleration': {
        const value = (at: number) => valueIn(inputs, claim.sourceId, snapshotAt(inputs, claim.sourceId, at), claim.itemId, claim.metric);
        const [from, mid, to] = [value(claim.fromAt), value(claim.midAt), value(claim.toAt)];
        expect(from === claim.fromValue && mid === claim.midValue && to === claim.toValue, `${label}: the stored values are ${from}, ${mid}, ${to}`);
        expect(claim.midAt - claim.fromAt >= 2 * DAY, `${label}: the earlier pace covers less than two days`);
        expect(claim.toAt - claim.midAt >= 20 * HOUR && claim.toAt - claim.midAt <= 2 * DAY, `${label}: the recent pace does not cover the last day`);
        const pace = (a: number, b: number, fromAt: number, toAt: number) => Math.round((b - a) / Math.max(1, (toAt - fromAt) / DAY));
        const earlier = pace(claim.fromValue, claim.midValue, claim.fromAt, claim.midAt);
        const recent = pace(claim.midValue, claim.toValue, claim.midAt, claim.toAt);
        expect(earlier === claim.earlierPerDay && recent === claim.recentPerDay, `${label}: the paces are ${earlier} and ${recent} a day`);
        expect(earlier > 0 && recent > 0 && claim.times === Math.floor(recent / earlier), `${label}: not ${claim.times} times`);
        expect(claim.printed.includes(count(recent)) && claim.printed.includes(count(earlier)) && claim.printed.includes(String(claim.times)), `${label}: prints other figures`);
        break;
      }
      case 'same-work': {
        expect(!isFailing(inputs, 'hf-papers'), `${label}: the papers' source is failing`);
        const snapshot = snapshotAt(inputs, claim.sourceId, claim.at);
        const row = visibleRows(inputs, claim.sourceId, snapshot, oracle).find((entry) => entry.itemId === claim.itemId);
        expect(row?.rank === claim.rank, `${label}: not at that rank`);
        const paper = findItem(inputs, 'hf-papers', claim.paperId);
        const listed = snapshotsOf(inputs, 'hf-papers').some((list) => list.fetchedAt <= claim.paperAt && list.fetchedAt >= claim.paperAt - 7 * DAY && paper !== undefined && list.keys.includes(paper.key));
        const featured = Date.parse(paper?.item.publishedAt ?? '');
        expect(snapshotAt(inputs, 'hf-papers', claim.paperAt) !== undefined && listed, `${label}: not in a papers list of the week`);
        expect(featured >= claim.paperAt - 7 * DAY && featured <= claim.paperAt + DAY, `${label}: not featured that week`);
        if (claim.via === 'code') {
          const code = /^https:\/\/github\.com\/([A-Za-z0-9-]+\/[A-Za-z0-9_.-]+)$/.exec(paper?.item.codeUrl ?? '');
          expect(code !== null && code[1]!.toLowerCase() === claim.itemId.toLowerCase(), `${label}: the paper's code is ${paper?.item.codeUrl}`);
        } else {
          const version = /v\d+$/;
          const tagged = (row?.item.tags ?? []).some((tag) => tag.startsWith('arxiv:') && tag.slice(6).replace(version, '') === claim.paperId.replace(version, ''));
          expect(tagged, `${label}: the model has no arxiv:${claim.paperId} tag`);
        }
        if (claim.mostUpvoted) {
          // "The week's most upvoted paper": every paper featured in the week to paperAt and listed in its papers
          // lists, at its upvotes in the last of them that holds it; this one has more than each of the others.
          const upvotes = new Map<string, number>();
          const lists = snapshotsOf(inputs, 'hf-papers')
            .filter((list) => list.fetchedAt <= claim.paperAt && list.fetchedAt >= claim.paperAt - 7 * DAY)
            .sort((a, b) => a.fetchedAt - b.fetchedAt);
          for (const list of lists) {
            list.keys.forEach((key, index) => {
              const item = itemOfKey(inputs, key);
              const when = Date.parse(item?.publishedAt ?? '');
              if (item && when >= claim.paperAt - 7 * DAY && when <= claim.paperAt + DAY) upvotes.set(item.itemId, list.metrics.upvotes?.[index] ?? 0);
            });
          }
          const mine = upvotes.get(claim.paperId);
          const others = [...upvotes].filter(([itemId]) => itemId !== claim.paperId).map(([, value]) => value);
          expect(mine !== undefined && others.every((value) => value < mine), `${label}: not the week's most upvoted paper (${mine} upvotes against ${Math.max(...others)})`);
          expect(upvotes.size >= 5, `${label}: "most upvoted" of ${upvotes.size} papers of the week (fewer than five)`);
        }
        expect(claim.printed.includes(String(claim.rank)), `${label}: prints another rank`);
        break;
      }
      case 'theme-count': {
        const snapshot = snapshotAt(inputs, claim.sourceId, claim.at);
        const rows = visibleRows(inputs, claim.sourceId, snapshot, oracle);
        const of = rows.filter((row) => themeOf(row.item, claim.theme)).map((row) => row.itemId);
        expect(snapshot !== undefined && claim.of === rows.length, `${label}: the list holds ${rows.length}`);
        expect(JSON.stringify(of) === JSON.stringify(claim.itemIds), `${label}: the ${claim.theme} rows are ${JSON.stringify(of)}`);
        expect(claim.printed.includes(String(of.length)) && claim.printed.includes(String(rows.length)), `${label}: prints other counts`);
        break;
      }
    }
  }
  return { problems, checked };
}

function isFailing(inputs: IssueInputs, sourceId: SourceId): boolean {
  const status = inputs.windows[sourceId]?.status;
  return !!status?.lastError && (status.lastSuccessAt ?? 0) < status.lastError.at;
}

/** The reader's calendar day of a time, `offset` days later, as YYYY-MM-DD. */
function dayOf(inputs: IssueInputs, at: number, offset = 0): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: inputs.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day') + offset)).toISOString().slice(0, 10);
}

function lastOfDay(inputs: IssueInputs, sourceId: SourceId, day: string): Snapshot | undefined {
  return snapshotsOf(inputs, sourceId).filter((snapshot) => dayOf(inputs, snapshot.fetchedAt) === day).at(-1);
}

/**
 * The last list of each calendar day from `fromAt`'s to `toAt`'s — on the last day, the list of `toAt` itself
 * (an exit's stay ends with the day's baseline, which may have later lists that day); undefined when a day has none.
 */
function calendar(inputs: IssueInputs, sourceId: SourceId, fromAt: number, toAt: number): Snapshot[] | undefined {
  const days: Snapshot[] = [];
  const last = dayOf(inputs, toAt);
  for (let offset = 0; offset < 400; offset++) {
    const day = dayOf(inputs, fromAt, offset);
    const snapshot = day === last ? snapshotAt(inputs, sourceId, toAt) : lastOfDay(inputs, sourceId, day);
    if (!snapshot) return undefined;
    days.push(snapshot);
    if (day === last) break;
  }
  return days[0]?.fetchedAt === fromAt && days.at(-1)?.fetchedAt === toAt ? days : undefined;
}

function firstVisible(inputs: IssueInputs, sourceId: SourceId, snapshot: Snapshot, oracle: Oracle): string | undefined {
  const first = visibleRows(inputs, sourceId, snapshot, oracle)[0];
  return first?.rank === 1 ? first.itemId : undefined;
}

const HOUR = 60 * 60 * 1000;
const count = (value: number) => value.toLocaleString('en-US');

function ownerPart(itemId: string): string | undefined {
  const parts = itemId.split('/');
  return parts.length > 1 && parts[0] !== '' ? parts[0] : undefined;
}

/**
 * The oracle's own reading of a model's derivative kinds, from the rule documented in
 * lib/issue/stories/derivative-takeover.ts: relation tags, then whole words of the name after its `/`.
 */
function derivativeKinds(item: CatalogItem): string[] {
  const kinds: string[] = [];
  const relations: [RegExp, string][] = [[/^base_model:quantized:./, 'quantisation'], [/^base_model:finetune:./, 'fine-tune'], [/^base_model:merge:./, 'merge'], [/^base_model:adapter:./, 'adapter']];
  for (const [pattern, kind] of relations) if ((item.tags ?? []).some((tag) => pattern.test(tag))) kinds.push(kind);
  const name = item.itemId.includes('/') ? item.itemId.slice(item.itemId.indexOf('/') + 1) : item.itemId;
  const word = (pattern: string) => new RegExp(`(^|[^a-z0-9])(${pattern})($|[^a-z0-9])`).test(name.toLowerCase());
  if (word('gguf|awq|gptq|mlx|exl2|exl3|fp8|nvfp4|mxfp4|int4|int8|bnb|[234568]bit')) kinds.push('quantisation');
  if (word('abliterated|uncensored|heretic|obliterated')) kinds.push('uncensored');
  if (word('merge')) kinds.push('merge');
  if (word('lora')) kinds.push('adapter');
  return kinds;
}

/** The oracle's own table of repository themes (lib/issue/stories/repo-theme.ts documents the same classes). */
const THEME_WORDS: Record<string, string[]> = {
  agents: ['agent', 'agents', 'agentic', 'multi agent', 'mcp', 'model context protocol'],
  rag: ['rag', 'graphrag', 'retrieval augmented', 'vector database', 'vector search'],
  inference: ['inference', 'serving', 'vllm', 'sglang', 'llama cpp', 'tensorrt', 'quantization', 'quantisation'],
  'fine-tuning': ['fine tuning', 'finetuning', 'fine tune', 'finetune', 'lora', 'qlora', 'rlhf', 'dpo', 'grpo', 'sft', 'post training'],
  coding: ['coding agent', 'coding assistant', 'code assistant', 'code generation', 'claude code', 'codex', 'copilot', 'vibe coding'],
  speech: ['tts', 'text to speech', 'speech', 'asr', 'speech recognition', 'voice'],
  'image-video': ['diffusion', 'image generation', 'video generation', 'text to image', 'text to video', 'comfyui'],
};

function themeOf(item: CatalogItem, theme: string): boolean {
  if (theme.startsWith('language:')) return item.language?.trim() === theme.slice('language:'.length);
  const words = THEME_WORDS[theme];
  if (!words) return false;
  return [item.itemId, item.description ?? '', ...(item.tags ?? [])].some((text) => {
    const plain = text.slice(0, 2000).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    return words.some((phrase) => new RegExp(`(^| )${phrase}( |$)`).test(plain));
  });
}

/** A paper's catalog entry by its key. */
function itemOfKey(inputs: IssueInputs, key: number): CatalogItem | undefined {
  return inputs.windows['hf-papers']?.items.get(key);
}

import type { CatalogItem } from '../../shared/records';
import { TOP, type Row } from '../facts';
import { milestoneKey, tellable, weighted, type DerivativeKind, type StoryCandidate, type StoryClaim, type StoryDetector } from './contract';

/**
 * What kind of derivative a model is, read from what Hugging Face and its
 * uploaders write, never guessed from a family name:
 * - its relation tag: `base_model:quantized:<base>` → quantisation,
 *   `base_model:finetune:<base>` → fine-tune, `base_model:merge:<base>` →
 *   merge, `base_model:adapter:<base>` → adapter (the Hub adds these from the
 *   model card's `base_model_relation`);
 * - a whole word of its name (the part after `/`, cut at every character that
 *   is not a letter or digit, without case): `QUANT_WORDS` → quantisation
 *   (the packaging formats of local runtimes and their bit widths: GGUF, AWQ,
 *   GPTQ, MLX, EXL2/3, FP8, NVFP4, MXFP4, INT4/8, bnb, 2/3/4/5/6/8bit),
 *   `UNCENSORED_WORDS` → uncensored remix (abliterated, uncensored,
 *   heretic — the abliteration tool's name — and obliterated), `merge` →
 *   merge, `lora` → adapter.
 * A model can be of several kinds (an abliterated GGUF is a quantisation and
 * an uncensored remix). A fine-tune is told only by its tag: names such as
 * "Instruct" or "Chat" are the labs' own releases as often as anyone's.
 * The lab's own `Qwen/…-FP8` counts as a quantisation: it is one.
 */
export const QUANT_WORDS: ReadonlySet<string> = new Set(['gguf', 'awq', 'gptq', 'mlx', 'exl2', 'exl3', 'fp8', 'nvfp4', 'mxfp4', 'int4', 'int8', 'bnb', '2bit', '3bit', '4bit', '5bit', '6bit', '8bit']);
export const UNCENSORED_WORDS: ReadonlySet<string> = new Set(['abliterated', 'uncensored', 'heretic', 'obliterated']);

const RELATIONS: Record<string, DerivativeKind> = { quantized: 'quantisation', finetune: 'fine-tune', merge: 'merge', adapter: 'adapter' };

/** The kinds in a fixed order: claims and candidates follow it. */
export const DERIVATIVE_KINDS: readonly DerivativeKind[] = ['quantisation', 'fine-tune', 'merge', 'adapter', 'uncensored'];

export function derivativeKindsOf(item: Pick<CatalogItem, 'itemId' | 'tags'>): Set<DerivativeKind> {
  const kinds = new Set<DerivativeKind>();
  for (const tag of Array.isArray(item.tags) ? item.tags : []) {
    if (typeof tag !== 'string') continue;
    const match = /^base_model:(quantized|finetune|merge|adapter):./.exec(tag);
    if (match) kinds.add(RELATIONS[match[1]!]!);
  }
  const slash = item.itemId.indexOf('/');
  for (const word of item.itemId.slice(slash + 1).toLowerCase().split(/[^a-z0-9]+/)) {
    if (QUANT_WORDS.has(word)) kinds.add('quantisation');
    else if (UNCENSORED_WORDS.has(word)) kinds.add('uncensored');
    else if (word === 'merge') kinds.add('merge');
    else if (word === 'lora') kinds.add('adapter');
  }
  return kinds;
}

/**
 * Shares of the top told on the day they are reached: a quarter, a third,
 * more than half, two thirds. `reached(count, top)` in whole numbers, so 15 of
 * 30 is not "more than half".
 */
export const SHARE_MILESTONES: readonly { label: string; reached: (count: number, top: number) => boolean }[] = [
  { label: 'quarter', reached: (count, top) => 4 * count >= top },
  { label: 'third', reached: (count, top) => 3 * count >= top },
  { label: 'half', reached: (count, top) => 2 * count > top },
  { label: 'two-thirds', reached: (count, top) => 3 * count >= 2 * top },
];
/** At least this many of them, and a top of at least `TAKEOVER_MIN_TOP` rows: a quarter of eight rows is two models. */
export const TAKEOVER_MIN = 6;
export const TAKEOVER_MIN_TOP = 20;

/** The highest milestone index a count reaches in a top, −1 for none. */
function milestoneOf(count: number, top: number): number {
  let index = -1;
  if (top <= 0) return index;
  SHARE_MILESTONES.forEach((milestone, at) => {
    if (milestone.reached(count, top)) index = at;
  });
  return index;
}

function ofKind(rows: readonly Row[], kind: DerivativeKind): Row[] {
  return rows.slice(0, TOP).filter((row) => derivativeKindsOf(row.item).has(kind));
}

/**
 * A kind of derivative taking over Hugging Face's top 30 trending models.
 *
 * Significance: at least `TAKEOVER_MIN` of the kind in a top of at least
 * `TAKEOVER_MIN_TOP` rows (the first 30 the reader sees), reaching one of
 * `SHARE_MILESTONES` that neither the week's baseline list nor the day's
 * baseline (at least 20 hours old) had reached: a share that rose over the
 * week, told on the day it crosses. A kind that has held a third all week is
 * not news; the day it passes half is. Needs both baselines.
 *
 * Claims: the kind's rows of the top today, at the week's baseline and at the
 * day's. Score: `weight × min(95, 40 + 10 × milestone index + round(20 × share))`,
 * share = count ÷ top: 8 of 30 (a quarter) → 45; 16 of 30 (more than half) → 71.
 */
export const derivativeTakeoverDetector: StoryDetector = {
  kind: 'derivative-takeover',
  significance: `${TAKEOVER_MIN}+ of one kind of derivative in a top ${TOP} of ${TAKEOVER_MIN_TOP}+ rows, crossing a quarter, a third, half or two thirds that neither last week's nor yesterday's list had reached`,
  score: 'weight × min(95, 40 + 10 × index of the share milestone + round(20 × share))',
  detect: (facts) => {
    const list = facts.lists['hf-models'];
    if (!tellable(list, facts.now) || !list.week || !list.day) return [];
    const top = Math.min(TOP, list.rows.length);
    if (top < TAKEOVER_MIN_TOP) return [];
    const weekRows = facts.rowsAt('hf-models', list.week);
    const dayRows = facts.rowsAt('hf-models', list.day);
    const weekTop = Math.min(TOP, weekRows.length);
    const dayTop = Math.min(TOP, dayRows.length);
    const candidates: StoryCandidate[] = [];
    for (const kind of DERIVATIVE_KINDS) {
      const rows = ofKind(list.rows, kind);
      if (rows.length < TAKEOVER_MIN) continue;
      const index = milestoneOf(rows.length, top);
      const thenWeek = ofKind(weekRows, kind);
      const thenDay = ofKind(dayRows, kind);
      if (index < 0 || milestoneOf(thenWeek.length, weekTop) >= index || milestoneOf(thenDay.length, dayTop) >= index) continue;
      const share = (at: number, shareTop: number, of: Row[]): StoryClaim => ({
        kind: 'derivative-share',
        sourceId: 'hf-models',
        at,
        top: shareTop,
        derivative: kind,
        itemIds: of.map((row) => row.itemId),
        printed: [String(of.length), String(shareTop), `${shareTop > 0 ? Math.round((100 * of.length) / shareTop) : 0}%`],
      });
      candidates.push({
        kind: 'derivative-takeover',
        sourceId: 'hf-models',
        subject: kind,
        claims: [share(list.latest.fetchedAt, top, rows), share(list.week.fetchedAt, weekTop, thenWeek), share(list.day.fetchedAt, dayTop, thenDay)],
        score: weighted('hf-models', Math.min(95, 40 + 10 * index + Math.round((20 * rows.length) / top))),
        milestone: milestoneKey('derivative-takeover', 'hf-models', kind, SHARE_MILESTONES[index]!.label),
      });
    }
    return candidates;
  },
};

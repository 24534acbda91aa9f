import type { IssueInputs } from '@/lib/issue/inputs';
import { inputsOf, type ItemSpec } from './build';

/**
 * Small histories designed by hand, with names chosen so that the facts are
 * easy to see. The expected facts are literals in the tests
 * (tests/unit/issue/oracle/synthetic.test.ts), worked out from the tables here.
 */

const H = 3_600_000;
export const at = (iso: string) => Date.parse(iso);

// ---------- S1: twelve models over three lists, a week, a day and today ----------

/** Friday 20 Nov 09:00 UTC: the week's baseline. */
export const S1_WEEK = at('2026-11-20T09:00:00Z');
/** Thursday 26 Nov 09:00 UTC: yesterday's list. */
export const S1_DAY = at('2026-11-26T09:00:00Z');
/** Friday 27 Nov 09:00 UTC: the latest list; the issue is composed an hour later. */
export const S1_LATEST = at('2026-11-27T09:00:00Z');
export const S1_NOW = S1_LATEST + H;

const S1_ITEMS: ItemSpec[] = [
  { id: 'acme/Qwen3-8B-GGUF', task: 'text-generation' }, // a
  { id: 'beta/Llama4-70B', task: 'text-generation' }, // b
  { id: 'acme/Qwen3-8B-AWQ', task: 'text-generation' }, // c
  { id: 'gamma/Flux2-Dev', task: 'text-to-image' }, // d
  { id: 'acme/Qwen3-8B-Instruct', task: 'text-generation' }, // e
  { id: 'delta/Whisper3-Large', task: 'automatic-speech-recognition' }, // f
  { id: 'beta/Llama4-8B-GGUF', task: 'text-generation' }, // g
  { id: 'echo/Kokoro-TTS', task: 'text-to-speech' }, // h
  { id: 'gamma/Flux2-Schnell', task: 'text-to-image' }, // i
  { id: 'foxtrot/Qwen3-8B-MLX', task: 'text-generation' }, // j
  { id: 'golf/Nova-Embed', task: 'sentence-similarity' }, // k
  { id: 'hotel/Tiny-Coder-GGUF', task: 'text-generation' }, // l
  { id: 'india/Orbit-1B', task: 'text-generation' }, // m (new today)
  { id: 'juliet/Pixel-Diffuser', task: 'text-to-image' }, // n (new today)
  { id: 'kilo/Canvas-XL', task: 'text-to-image' }, // p (week only)
  { id: 'lima/Dream-Painter', task: 'text-to-image' }, // q (week only)
  { id: 'november/Sketch-Gen', task: 'text-to-image' }, // s (week only)
];

/**
 * rank | week (Fri 20)            likes | day (Thu 26)        likes | latest (Fri 27)        likes
 *   1  | gamma/Flux2-Dev          5000  | acme/Qwen3-8B-GGUF  1300  | acme/Qwen3-8B-GGUF      1400
 *   2  | gamma/Flux2-Schnell       900  | beta/Llama4-70B     1100  | golf/Nova-Embed         1050
 *   3  | acme/Qwen3-8B-GGUF        700  | acme/Qwen3-8B-AWQ    200  | india/Orbit-1B            80
 *   4  | kilo/Canvas-XL            800  | gamma/Flux2-Dev     5070  | beta/Llama4-70B         1140
 *   5  | beta/Llama4-70B          1000  | acme/Qwen3-8B-Instr. 350  | acme/Qwen3-8B-AWQ        290
 *   6  | lima/Dream-Painter        600  | delta/Whisper3-Large 400  | echo/Kokoro-TTS          420
 *   7  | delta/Whisper3-Large      400  | beta/Llama4-8B-GGUF  470  | gamma/Flux2-Dev         5070
 *   8  | echo/Kokoro-TTS           210  | gamma/Flux2-Schnell  950  | juliet/Pixel-Diffuser     60
 *   9  | golf/Nova-Embed            70  | golf/Nova-Embed      630  | acme/Qwen3-8B-Instruct   370
 *  10  | beta/Llama4-8B-GGUF       450  | echo/Kokoro-TTS      400  | hotel/Tiny-Coder-GGUF    150
 *  11  | acme/Qwen3-8B-Instruct    300  | foxtrot/Qwen3-8B-MLX 500  | delta/Whisper3-Large     400
 *  12  | november/Sketch-Gen       500  | hotel/Tiny-Coder-GGUF100  | foxtrot/Qwen3-8B-MLX     520
 */
export function s1(timeZone = 'UTC'): IssueInputs {
  return inputsOf({
    now: S1_NOW,
    timeZone,
    items: S1_ITEMS,
    lists: {
      'hf-models': [
        {
          at: S1_WEEK,
          rows: [
            ['gamma/Flux2-Dev', { likes: 5000 }],
            ['gamma/Flux2-Schnell', { likes: 900 }],
            ['acme/Qwen3-8B-GGUF', { likes: 700 }],
            ['kilo/Canvas-XL', { likes: 800 }],
            ['beta/Llama4-70B', { likes: 1000 }],
            ['lima/Dream-Painter', { likes: 600 }],
            ['delta/Whisper3-Large', { likes: 400 }],
            ['echo/Kokoro-TTS', { likes: 210 }],
            ['golf/Nova-Embed', { likes: 70 }],
            ['beta/Llama4-8B-GGUF', { likes: 450 }],
            ['acme/Qwen3-8B-Instruct', { likes: 300 }],
            ['november/Sketch-Gen', { likes: 500 }],
          ],
        },
        {
          at: S1_DAY,
          rows: [
            ['acme/Qwen3-8B-GGUF', { likes: 1300 }],
            ['beta/Llama4-70B', { likes: 1100 }],
            ['acme/Qwen3-8B-AWQ', { likes: 200 }],
            ['gamma/Flux2-Dev', { likes: 5070 }],
            ['acme/Qwen3-8B-Instruct', { likes: 350 }],
            ['delta/Whisper3-Large', { likes: 400 }],
            ['beta/Llama4-8B-GGUF', { likes: 470 }],
            ['gamma/Flux2-Schnell', { likes: 950 }],
            ['golf/Nova-Embed', { likes: 630 }],
            ['echo/Kokoro-TTS', { likes: 400 }],
            ['foxtrot/Qwen3-8B-MLX', { likes: 500 }],
            ['hotel/Tiny-Coder-GGUF', { likes: 100 }],
          ],
        },
        {
          at: S1_LATEST,
          rows: [
            ['acme/Qwen3-8B-GGUF', { likes: 1400 }],
            ['golf/Nova-Embed', { likes: 1050 }],
            ['india/Orbit-1B', { likes: 80 }],
            ['beta/Llama4-70B', { likes: 1140 }],
            ['acme/Qwen3-8B-AWQ', { likes: 290 }],
            ['echo/Kokoro-TTS', { likes: 420 }],
            ['gamma/Flux2-Dev', { likes: 5070 }],
            ['juliet/Pixel-Diffuser', { likes: 60 }],
            ['acme/Qwen3-8B-Instruct', { likes: 370 }],
            ['hotel/Tiny-Coder-GGUF', { likes: 150 }],
            ['delta/Whisper3-Large', { likes: 400 }],
            ['foxtrot/Qwen3-8B-MLX', { likes: 520 }],
          ],
        },
      ],
    },
  });
}

// ---------- two lists, for the words of a baseline's age ----------

/**
 * Eight models by one author (tz/…), all text generation. Baseline: tz/m1…m8
 * in order. Latest: tz/m6 has climbed from No. 6 to No. 1 (+5, the only
 * climb) and tz/m9 is new at No. 4.
 */
export function twoLists(baselineAt: number, latestAt: number, now: number, timeZone: string): IssueInputs {
  const ids = ['tz/m1', 'tz/m2', 'tz/m3', 'tz/m4', 'tz/m5', 'tz/m6', 'tz/m7', 'tz/m8', 'tz/m9'];
  return inputsOf({
    now,
    timeZone,
    items: ids.map((id) => ({ id, task: 'text-generation' })),
    lists: {
      'hf-models': [
        { at: baselineAt, rows: ['tz/m1', 'tz/m2', 'tz/m3', 'tz/m4', 'tz/m5', 'tz/m6', 'tz/m7', 'tz/m8'].map((id) => [id, { likes: 100 }]) },
        { at: latestAt, rows: ['tz/m6', 'tz/m1', 'tz/m2', 'tz/m9', 'tz/m3', 'tz/m4', 'tz/m5', 'tz/m7'].map((id) => [id, { likes: 100 }]) },
      ],
    },
  });
}

// ---------- ties: no superlative ----------

/**
 * Yesterday: 1 alpha/one, 2 bravo/two, 3 charlie/three, 4 delta/four,
 * 5 echo/five, 6 foxtrot/six, 7 alpha/seven, 8 golf/eight, 9 bravo/nine, 10 hotel/ten.
 * Today: alpha/seven 7 → 1 (+6) and bravo/nine 9 → 3 (+6) tie for the largest
 * climb; hotel/ten 10 → 9 (+1). alpha and bravo have 2 models each.
 */
export function ties(): IssueInputs {
  const order = ['alpha/one', 'bravo/two', 'charlie/three', 'delta/four', 'echo/five', 'foxtrot/six', 'alpha/seven', 'golf/eight', 'bravo/nine', 'hotel/ten'];
  const today = ['alpha/seven', 'alpha/one', 'bravo/nine', 'bravo/two', 'charlie/three', 'delta/four', 'echo/five', 'foxtrot/six', 'hotel/ten', 'golf/eight'];
  return inputsOf({
    now: S1_NOW,
    timeZone: 'UTC',
    items: order.map((id, index) => ({ id, task: index % 2 === 0 ? 'text-generation' : 'text-to-image' })),
    lists: {
      'hf-models': [
        { at: S1_DAY, rows: order.map((id) => [id, { likes: 100 }]) },
        { at: S1_LATEST, rows: today.map((id) => [id, { likes: 100 }]) },
      ],
    },
  });
}

// ---------- GitHub: only AI/ML rows, only young repositories called new ----------

export const GH_ITEMS: ItemSpec[] = [
  { id: 'acme/css-grid-kit', language: 'TypeScript', description: 'A tiny CSS grid layout kit' },
  { id: 'lab/llm-router', language: 'Python', description: 'Route prompts between LLM providers' },
  { id: 'lab/vision-tools', language: 'Python', description: 'Computer vision tools for object detection' },
  { id: 'kit/agent-shell', language: 'TypeScript', description: 'A coding agent for your terminal' },
  { id: 'big/deep-learning-course', language: 'Python', description: 'Deep learning course notebooks' },
  { id: 'web/chatbot-ui', language: 'TypeScript', description: 'A chatbot UI for any LLM' },
  { id: 'sys/rust-db', language: 'Rust', description: 'An embedded key-value database' },
  { id: 'rs/llm-infer', language: 'Rust', description: 'Fast LLM inference server' },
  { id: 'old/classic-ml', language: 'Python', description: 'Classic machine learning algorithms', createdAt: '2010-05-01T00:00:00Z' },
  { id: 'fresh/agent-kit', language: 'Python', description: 'An AI agent kit', createdAt: '2026-11-10T00:00:00Z' },
  { id: 'fresh/rag-lab', language: 'Python', description: 'RAG experiments', createdAt: '2026-11-20T00:00:00Z' },
  { id: 'stale/llm-notes', language: 'Python', description: 'Notes on LLMs', createdAt: '2026-10-01T00:00:00Z' },
];

/** The AI/ML repositories of the weekly page above, by hand. */
export const GH_AI = new Set(['lab/llm-router', 'lab/vision-tools', 'kit/agent-shell', 'big/deep-learning-course', 'web/chatbot-ui', 'rs/llm-infer']);

/**
 * Weekly page (latest only), stars this week: css-grid-kit 20,000 (not AI),
 * llm-router 3,000, vision-tools 1,000, agent-shell 500, deep-learning-course
 * 5,000, chatbot-ui 300, rust-db 8,000 (not AI), llm-infer 200.
 * Search results yesterday → today (stars): classic-ml (2010) 90,000 → 90,500;
 * agent-kit (17 days old) 1,200 → 1,500; rag-lab (7 days) 800 → 900;
 * llm-notes (57 days) 3,000 → 3,100.
 */
export function github(): IssueInputs {
  return inputsOf({
    now: S1_NOW,
    timeZone: 'UTC',
    items: GH_ITEMS,
    lists: {
      'gh-trending-weekly': [
        {
          at: S1_LATEST,
          rows: [
            ['acme/css-grid-kit', { starsInPeriod: 20000 }],
            ['lab/llm-router', { starsInPeriod: 3000 }],
            ['lab/vision-tools', { starsInPeriod: 1000 }],
            ['kit/agent-shell', { starsInPeriod: 500 }],
            ['big/deep-learning-course', { starsInPeriod: 5000 }],
            ['web/chatbot-ui', { starsInPeriod: 300 }],
            ['sys/rust-db', { starsInPeriod: 8000 }],
            ['rs/llm-infer', { starsInPeriod: 200 }],
          ],
        },
      ],
      'gh-search': [
        {
          at: S1_DAY,
          rows: [
            ['old/classic-ml', { stars: 90000 }],
            ['stale/llm-notes', { stars: 3000 }],
            ['fresh/agent-kit', { stars: 1200 }],
            ['fresh/rag-lab', { stars: 800 }],
          ],
        },
        {
          at: S1_LATEST,
          rows: [
            ['old/classic-ml', { stars: 90500 }],
            ['stale/llm-notes', { stars: 3100 }],
            ['fresh/agent-kit', { stars: 1500 }],
            ['fresh/rag-lab', { stars: 900 }],
          ],
        },
      ],
    },
  });
}

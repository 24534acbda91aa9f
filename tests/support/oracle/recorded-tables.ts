/**
 * Hand-checked tables of the real recordings in ../shared/fixtures, as the
 * 8-day history of tests/support/issue-history.ts leaves them on its last day
 * (day 7). Read by eye from the fixture files (a one-off `node -e` listing of
 * id / pipeline_tag / language / metrics helped read them); every count below
 * was then counted by hand from these rows and written as a literal.
 */

/**
 * hf-models-trending.json, in API order: [rank, id, pipeline_tag, family, format].
 * Family and format are read from the name (the recording has no tags).
 */
export const HF_MODELS_FIXTURE: [rank: number, id: string, task: string | undefined, family: string | undefined, format: string | undefined][] = [
  [1, 'Qwen/Qwen3.8-27B', 'image-text-to-text', 'Qwen3.8-27B', undefined],
  [2, 'unsloth/Qwen3.8-27B-GGUF', undefined, 'Qwen3.8-27B', 'GGUF'],
  [3, 'orcarouter/Qwen3.8-27B-Uncensored-MLX', 'image-text-to-text', 'Qwen3.8-27B', 'MLX'],
  [4, 'orcarouter/Qwen3.8-27B-Uncensored-FP8', 'image-text-to-text', 'Qwen3.8-27B', 'FP8'],
  [5, 'OBLITERATUS/Qwen3.8-27B-OBLITERATED', 'text-generation', 'Qwen3.8-27B', undefined],
  [6, 'JonathanColetti/Qwen3.8-27B-Uncensored-GGUF', 'text-generation', 'Qwen3.8-27B', 'GGUF'],
  [7, 'HauhauCS/Qwen3.8-27B-Uncensored-HauhauCS-Aggressive-MTP-GGUF', 'image-text-to-text', 'Qwen3.8-27B', 'GGUF'],
  [8, 'Lightricks/LTX-2.5', 'image-to-video', 'LTX-2.5', undefined],
  [9, 'MiniMaxAI/MiniMax-Music3', 'text-to-audio', 'MiniMax', undefined],
  [10, 'ornith-ai/Ornith-1.5-35B-A3B', 'text-generation', undefined, undefined],
  [11, 'MiniMaxAI/MiniMax-H3', 'image-text-to-video', 'MiniMax', undefined],
  [12, 'orcarouter/Qwen3.8-27B-Uncensored-GGUF', 'image-text-to-text', 'Qwen3.8-27B', 'GGUF'],
  [13, 'froggeric/Qwen-Fixed-Chat-Templates', undefined, 'Qwen', undefined],
  [14, 'Qwen/Qwen3.8-27B-FP8', 'image-text-to-text', 'Qwen3.8-27B', 'FP8'],
  [15, 'empero-ai/Qwen3.8-27B-Ridge-GGUF', 'image-text-to-text', 'Qwen3.8-27B', 'GGUF'],
  [16, 'huihui-ai/Huihui-Qwen3.8-27B-abliterated-GGUF', 'image-text-to-text', 'Qwen3.8-27B', 'GGUF'],
  [17, 'ornith-ai/Ornith-1.5-35B-A3B-GGUF', 'text-generation', undefined, 'GGUF'],
  [18, 'huihui-ai/Huihui-Qwen3.8-27B-abliterated', 'image-text-to-text', 'Qwen3.8-27B', undefined],
  [19, 'superwhisper/s1-mini', 'text-generation', undefined, undefined],
  [20, 'TenStrip/10Eros-Max', 'image-text-to-video', undefined, undefined],
  [21, 'z-lab/Qwen3.8-27B-DFlash2', 'text-generation', 'Qwen3.8-27B', undefined],
  [22, 'deepseek-ai/DeepSeek-V4-Pro-0813', 'text-generation', 'DeepSeek-V4', undefined],
  [23, 'DavidAU/Qwen3.8-27B-Cold-Fusion-GAIN-V1.1-NM-DAU-NEO-MAX-MTP-GGUF', 'image-text-to-text', 'Qwen3.8-27B', 'GGUF'],
  [24, '0bserverx/Qwen3.8-27B-Heretic-Abliterated-Uncensored-GGUF', 'text-generation', 'Qwen3.8-27B', 'GGUF'],
  [25, 'deepseek-ai/DeepSeek-V4-Flash-0731', 'text-generation', 'DeepSeek-V4', undefined],
  [26, 'Qwen/Qwen3.8-2.4T-A95B', 'text-generation', 'Qwen3.8', undefined],
  [27, 'moonshotai/Kimi-K3', 'image-text-to-text', 'Kimi', undefined],
  [28, 'AEON-7/Qwen3.8-27B-AEON-ULTIMATE-UNCENSORED-BF16', 'text-generation', 'Qwen3.8-27B', undefined],
  [29, 'meta-models/Muse-Glimmer-30B', 'image-text-to-text', undefined, undefined],
  [30, 'unsloth/Qwen3.8-27B-NVFP4', undefined, 'Qwen3.8-27B', undefined],
];

/**
 * The models list on day 7 of writeWeek: the 21st model (z-lab/…-DFlash2)
 * has climbed 3 places a day for 7 days (21 → 1); newcomers, copies of the
 * 30th model named `-n2`, `-n4`, `-n6`, entered at No. 3 on days 2, 4, 6
 * (the latest at No. 3, pushing the others down); the list is cut at 30, so
 * fixture rows 28–30 fall off. As fixture ranks ('n6' etc. for newcomers):
 */
export const DAY7_MODELS: (number | string)[] = [21, 1, 'n6', 'n4', 'n2', 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 27];

/**
 * Counts over DAY7_MODELS, by hand (newcomers count as fixture row 30:
 * no task, family Qwen3.8-27B, no format, owner unsloth).
 */
export const DAY7_MODEL_COUNTS = {
  task: {
    // fixture rows 1, 3, 4, 7, 12, 14, 15, 16, 18, 23, 27
    'image-text-to-text': 11,
    // fixture rows 21, 5, 6, 10, 17, 19, 22, 24, 25, 26
    'text-generation': 10,
    // fixture rows 11, 20
    'image-text-to-video': 2,
    'image-to-video': 1,
    'text-to-audio': 1,
    // (no task: n6, n4, n2, rows 2, 13 = 5; 11 + 10 + 2 + 1 + 1 + 5 = 30)
  },
  owner: {
    // n6, n4, n2 and unsloth/Qwen3.8-27B-GGUF; the original NVFP4 (row 30) fell off
    unsloth: 4,
    orcarouter: 3, // rows 3, 4, 12
    Qwen: 3, // rows 1, 14, 26
    MiniMaxAI: 2,
    'ornith-ai': 2,
    'huihui-ai': 2,
    'deepseek-ai': 2,
  },
  family: {
    // rows 21, 1, n6, n4, n2, 2, 3, 4, 5, 6, 7, 12, 14, 15, 16, 18, 23, 24 (row 28 and 30 fell off)
    'Qwen3.8-27B': 18,
    MiniMax: 2,
    'DeepSeek-V4': 2,
  },
  format: {
    GGUF: 9, // rows 2, 6, 7, 12, 15, 16, 17, 23, 24
    FP8: 2, // rows 4, 14
    MLX: 1, // row 3
  },
} as const;

/**
 * github-trending-weekly.html, 18 rows: [id, language, AI/ML by hand, stars this week].
 * By hand: a repository is AI/ML when its main purpose is building, serving or
 * applying ML models (agents, coding assistants, RAG count; a stealth browser,
 * a document signer and a 3D splat editor do not).
 */
export const GH_WEEKLY_FIXTURE: [id: string, language: string, ai: boolean, starsThisWeek: number][] = [
  ['anthropics/financial-services', 'Python', true, 13176],
  ['Hmbown/DeepSeek-TUI', 'Rust', true, 20835],
  ['bytedance/UI-TARS-desktop', 'TypeScript', true, 3872],
  ['CloakHQ/CloakBrowser', 'Python', false, 5488],
  ['decolua/9router', 'JavaScript', true, 5204],
  ['LearningCircuit/local-deep-research', 'Python', true, 2412],
  ['ruvnet/ruflo', 'TypeScript', true, 7088],
  ['VectifyAI/PageIndex', 'Python', true, 4351],
  ['addyosmani/agent-skills', 'Shell', true, 11791],
  ['docusealco/docuseal', 'Ruby', false, 2819],
  ['yikart/AiToEarn', 'TypeScript', true, 2348],
  ['Imbad0202/academic-research-skills', 'Python', true, 1893],
  ['rohitg00/agentmemory', 'TypeScript', true, 3096],
  ['AIDC-AI/Pixelle-Video', 'Python', true, 4301],
  ['playcanvas/supersplat', 'TypeScript', false, 2600],
  ['HKUDS/AI-Trader', 'Python', true, 2282],
  ['TauricResearch/TradingAgents', 'Python', true, 5683],
  ['InsForge/InsForge', 'TypeScript', true, 1549],
];

/** github-trending-daily.html, 11 rows, the AI/ML ones by the same reading. */
export const GH_DAILY_AI = [
  'tinyhumansai/openhuman',
  'rohitg00/agentmemory',
  'mattpocock/skills',
  'rasbt/LLMs-from-scratch',
  'datawhalechina/hello-agents',
  'yikart/AiToEarn',
  'HKUDS/AI-Trader',
  // not AI/ML: CloakHQ/CloakBrowser, apernet/hysteria (a proxy), anonfaded/FadCam (a recorder), millionco/react-doctor (a React linter)
];

/** Newcomers copy the last row of each list, so they are AI/ML when it is. */
export const AI_REPOSITORIES = new Set([
  ...GH_WEEKLY_FIXTURE.filter(([, , ai]) => ai).map(([id]) => id),
  ...['n2', 'n4', 'n6'].map((n) => `InsForge/InsForge-${n}`),
  ...GH_DAILY_AI,
  ...['n2', 'n4', 'n6'].map((n) => `HKUDS/AI-Trader-${n}`),
]);

/**
 * The weekly page on day 7: InsForge (row 18) climbed to No. 1, three copies
 * of it entered at No. 3–5, rows 15–17 fell off. Stars this week grow by
 * (18 − fixture index) × 7 a day, so on day 7 by (18 − index) × 49; the
 * copies keep the recording's 1,549. AI/ML rows (CloakHQ and docuseal left out):
 *
 *   InsForge 1549 + 1×49 = 1,598       anthropics 13176 + 18×49 = 14,058
 *   n6, n4, n2: 1,549 each              Hmbown 20835 + 17×49 = 21,668
 *   bytedance 3872 + 16×49 = 4,656      decolua 5204 + 14×49 = 5,890
 *   LearningCircuit 2412 + 13×49 = 3,049  ruvnet 7088 + 12×49 = 7,676
 *   VectifyAI 4351 + 11×49 = 4,890      addyosmani 11791 + 10×49 = 12,281
 *   AiToEarn 2348 + 8×49 = 2,740        Imbad0202 1893 + 7×49 = 2,236
 *   rohitg00 3096 + 6×49 = 3,390        AIDC-AI 4301 + 5×49 = 4,546
 *
 * Sum 93,325 over 16 repositories; the three largest are Hmbown, anthropics,
 * addyosmani: 21,668 + 14,058 + 12,281 = 48,007; 48,007 / 93,325 = 51.4% → 51%.
 * Languages: TypeScript 8 (InsForge, n6, n4, n2, bytedance, ruvnet, AiToEarn,
 * rohitg00), Python 5 (anthropics, LearningCircuit, VectifyAI, Imbad0202,
 * AIDC-AI), Rust 1, JavaScript 1, Shell 1.
 */
export const DAY7_WEEKLY = {
  aiRows: 16,
  starsWhole: 93_325,
  leaders: ['Hmbown/DeepSeek-TUI', 'anthropics/financial-services', 'addyosmani/agent-skills'],
  starsPart: 48_007,
  percent: 51,
  topStars: 21_668,
  languages: { TypeScript: 8, Python: 5, Rust: 1, JavaScript: 1, Shell: 1 },
} as const;

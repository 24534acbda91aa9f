import { baselineOf, BASELINE_SLACK_MS, DAY_MS } from '../../shared/movement';
import type { CatalogItem, Snapshot } from '../../shared/records';
import { WEEK_MS, type Facts, type Row } from '../facts';
import { milestoneKey, tellable, weighted, type StoryCandidate, type StoryClaim, type StoryDetector } from './contract';

/**
 * The themes of AI repositories, each a class of the field's own words for
 * it, matched as whole words or runs of words (the text lower-cased and cut at
 * every character that is not a letter or digit, as lib/sources/ai-rule.ts
 * does) in the repository's name, description and topics:
 * - agents: the word itself, and MCP, the protocol agents call tools by;
 * - rag: retrieval-augmented generation and the vector search it runs on;
 * - inference: serving and running models, and the engines that do it;
 * - fine-tuning: training a model further (LoRA, RLHF, DPO, GRPO, SFT);
 * - coding: assistants that write code (Claude Code, Codex, Copilot…);
 * - speech: speech recognition and synthesis, voice;
 * - image-video: image and video generation.
 * A repository can be of several themes. Its language (`language:Python`) is
 * a theme too: "Rust is rising" is news when Rust doubles.
 */
export const THEMES: Record<string, readonly string[]> = {
  agents: ['agent', 'agents', 'agentic', 'multi agent', 'mcp', 'model context protocol'],
  rag: ['rag', 'graphrag', 'retrieval augmented', 'vector database', 'vector search'],
  inference: ['inference', 'serving', 'vllm', 'sglang', 'llama cpp', 'tensorrt', 'quantization', 'quantisation'],
  'fine-tuning': ['fine tuning', 'finetuning', 'fine tune', 'finetune', 'lora', 'qlora', 'rlhf', 'dpo', 'grpo', 'sft', 'post training'],
  coding: ['coding agent', 'coding assistant', 'code assistant', 'code generation', 'claude code', 'codex', 'copilot', 'vibe coding'],
  speech: ['tts', 'text to speech', 'speech', 'asr', 'speech recognition', 'voice'],
  'image-video': ['diffusion', 'image generation', 'video generation', 'text to image', 'text to video', 'comfyui'],
};

/** Text longer than this is cut before it is read: a description is a sentence or two. */
const MAX_TEXT = 2000;

/** The themes of a repository: the keys of `THEMES` it matches, then `language:<language>` when it has one. */
export function themesOf(item: Pick<CatalogItem, 'itemId' | 'description' | 'tags' | 'language'>): string[] {
  const texts = [item.itemId, typeof item.description === 'string' ? item.description : '', ...(Array.isArray(item.tags) ? item.tags.filter((tag) => typeof tag === 'string') : [])];
  const words = ` ${texts.map((text) => text.slice(0, MAX_TEXT).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join(' ')).join(' | ')} `;
  const themes = Object.entries(THEMES)
    .filter(([, phrases]) => phrases.some((phrase) => words.includes(` ${phrase} `)))
    .map(([theme]) => theme);
  const language = typeof item.language === 'string' ? item.language.trim() : '';
  return language ? [...themes, `language:${language}`] : themes;
}

/** A theme is news with at least this many repositories today… */
export const THEME_MIN = 4;
/** …at least this many more than a week back, and at least twice as many. */
export const THEME_RISE = 3;
/** "Last week" needs a list at least six days older than today's (give or take the refresh's drift). */
export const THEME_MIN_HISTORY_MS = 6 * DAY_MS - BASELINE_SLACK_MS;

function tallyOf(rows: readonly Row[]): Map<string, Row[]> {
  const byTheme = new Map<string, Row[]>();
  for (const row of rows) for (const theme of themesOf(row.item)) byTheme.set(theme, [...(byTheme.get(theme) ?? []), row]);
  return byTheme;
}

const rises = (now: number, then: number) => now >= THEME_MIN && now - then >= THEME_RISE && now >= 2 * then;

/** The themes that pass the test for the list `latest` against its own week's baseline; none without six days of history. */
function risingAt(facts: Facts, snapshots: readonly Snapshot[], latest: Snapshot): { themes: Set<string>; week?: Snapshot } {
  const upTo = snapshots.filter((snapshot) => snapshot.fetchedAt <= latest.fetchedAt);
  const week = baselineOf(upTo, WEEK_MS);
  if (!week || latest.fetchedAt - week.fetchedAt < THEME_MIN_HISTORY_MS) return { themes: new Set() };
  const now = tallyOf(facts.rowsAt(facts.repos, latest));
  const then = tallyOf(facts.rowsAt(facts.repos, week));
  return { themes: new Set([...now].filter(([theme, rows]) => rises(rows.length, then.get(theme)?.length ?? 0)).map(([theme]) => theme)), week };
}

/**
 * A theme among the week's GitHub trending repositories (the list the issue
 * prints, `facts.repos`, AI/ML rows the reader sees) rising against the list a
 * week back: at least `THEME_MIN` repositories of it today, at least
 * `THEME_RISE` more than a week back and at least twice as many.
 * Needs six days of history (`THEME_MIN_HISTORY_MS`); otherwise nothing.
 * Milestone: told on the day the theme first passes: the same test on the
 * day's baseline list (at least 20 hours old) against its own week back
 * failed, or could not be run for want of six days before it.
 *
 * Score: `weight × min(80, 35 + 5 × (today − a week back))`: a rise of 3 → 45
 * (GitHub's weight 0.9); of 9 or more → 72.
 */
export const repoThemeDetector: StoryDetector = {
  kind: 'repo-theme',
  significance: `a theme (keyword class or language) with ${THEME_MIN}+ of today's AI repositories, ${THEME_RISE}+ more and twice as many as a week back (6+ days of history), not so yesterday`,
  score: 'weight × min(80, 35 + 5 × (today − a week back))',
  detect: (facts) => {
    const sourceId = facts.repos;
    const list = facts.lists[sourceId];
    if (!tellable(list, facts.now) || !list.week) return [];
    const today = risingAt(facts, list.snapshots, list.latest);
    if (!today.week || today.themes.size === 0) return [];
    const yesterday = list.day ? risingAt(facts, list.snapshots, list.day).themes : new Set<string>();
    const nowRows = list.rows;
    const thenRows = facts.rowsAt(sourceId, today.week);
    const now = tallyOf(nowRows);
    const then = tallyOf(thenRows);
    const candidates: StoryCandidate[] = [];
    for (const [theme, rows] of now) {
      if (!today.themes.has(theme) || yesterday.has(theme)) continue;
      const before = then.get(theme) ?? [];
      const claims: StoryClaim[] = [
        { kind: 'theme-count', sourceId, at: list.latest.fetchedAt, of: nowRows.length, theme, itemIds: rows.map((row) => row.itemId), printed: [String(rows.length), String(nowRows.length)] },
        { kind: 'theme-count', sourceId, at: today.week.fetchedAt, of: thenRows.length, theme, itemIds: before.map((row) => row.itemId), printed: [String(before.length), String(thenRows.length)] },
      ];
      candidates.push({
        kind: 'repo-theme',
        sourceId,
        subject: theme,
        claims,
        score: weighted(sourceId, Math.min(80, 35 + 5 * (rows.length - before.length))),
        milestone: milestoneKey('repo-theme', sourceId, theme, rows.length),
      });
    }
    return candidates;
  },
};

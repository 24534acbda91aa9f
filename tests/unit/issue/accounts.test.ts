import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, accountOf } from '@/lib/issue/accounts';
import { sharedFixture } from '../../support/paths';

/**
 * The reviewed table of account roles (issue #11, item 3) stays consistent:
 * sorted, no handle twice (so none in two roles), every handle a valid one of
 * its hub, each with a one-line reason; and every owner of the recorded
 * trending list's top 30 is either in it or knowingly left out, here, with why.
 */

/** Hugging Face: letters, digits, `-`, `_`, `.`; not starting or ending with `-`/`.`; no `--` or `..`; at most 96. */
const HF_HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9_])?$/;
/** GitHub: letters, digits and single hyphens, not at either end; at most 39. */
const GITHUB_HANDLE = /^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$/;

/**
 * Owners of the recorded top 30 (../shared/fixtures/hf-models-trending.json) that the table leaves out: nothing
 * on their profiles or cards in the recording says lab or quantiser, and the issue says nothing rather than guess.
 */
const KNOWINGLY_ABSENT: Record<string, string> = {
  '0bserverx': 'an individual; one uncensored GGUF remix in the recording, no profile to go by',
  'AEON-7': 'an individual; one BF16 remix in the recording',
  'empero-ai': 'unknown publisher of one GGUF fine-tune',
  froggeric: 'an individual; chat templates, not a model line',
  HauhauCS: 'an individual; one uncensored GGUF remix',
  JonathanColetti: 'an individual; one uncensored GGUF remix',
  'meta-models': "not Meta (Meta's accounts are meta-llama and facebook): unknown",
  OBLITERATUS: 'unknown; one abliterated remix',
  orcarouter: 'unknown; uncensored MLX, FP8 and GGUF builds — a quantiser or a remixer, the recording does not say',
  'ornith-ai': 'unknown; its own Ornith models, but nothing says it is a lab',
  superwhisper: 'a dictation app maker; one model, not enough to call it a lab',
  TenStrip: 'an individual; one video model',
  'z-lab': 'unknown; one DFlash speculative-decoding draft',
};

describe('the table of account roles', () => {
  it('is sorted by handle, case-insensitively, with no handle twice (so none in two roles)', () => {
    const handles = ACCOUNTS.map((account) => account.handle.toLowerCase());
    expect(handles).toEqual([...handles].sort());
    expect(new Set(handles).size).toBe(handles.length);
    const roles = new Map<string, Set<string>>();
    for (const account of ACCOUNTS) roles.set(account.handle.toLowerCase(), (roles.get(account.handle.toLowerCase()) ?? new Set()).add(account.role));
    expect([...roles].filter(([, set]) => set.size > 1)).toEqual([]);
    console.info(`accounts: ${ACCOUNTS.length} (${['lab', 'quantiser', 'community'].map((role) => `${ACCOUNTS.filter((account) => account.role === role).length} ${role}`).join(', ')})`);
  });

  it('holds handles valid on their hub, each with a one-line reason', () => {
    for (const account of ACCOUNTS) {
      if (account.hub !== 'github') expect([account.handle, HF_HANDLE.test(account.handle) && !/--|\.\./.test(account.handle)]).toEqual([account.handle, true]);
      if (account.hub !== 'huggingface') expect([account.handle, GITHUB_HANDLE.test(account.handle)]).toEqual([account.handle, true]);
      expect([account.handle, !/^\p{Ll}/u.test(account.why), account.why.length >= 20 && account.why.length <= 140, /\n/.test(account.why)]).toEqual([account.handle, true, true, false]);
    }
  });

  it('looks a handle up case-insensitively, on its hub, and knows nothing else', () => {
    expect(accountOf('Qwen')?.role).toBe('lab');
    expect(accountOf('QWEN')?.role).toBe('lab');
    expect(accountOf('UNSLOTH')?.role).toBe('quantiser');
    expect(accountOf('huihui-ai')?.role).toBe('community');
    // Qwen's GitHub organisation is QwenLM; "Qwen" on GitHub is not in the table.
    expect(accountOf('Qwen', 'github')).toBeUndefined();
    expect(accountOf('QwenLM', 'github')?.role).toBe('lab');
    expect(accountOf('QwenLM')).toBeUndefined();
    for (const unknown of ['meta-models', 'orcarouter', '', '__proto__', 'constructor', 'toString', 'x'.repeat(10_000), undefined]) expect(accountOf(unknown)).toBeUndefined();
  });

  it('covers the owners of the recorded top 30, or leaves them out knowingly', () => {
    const models = JSON.parse(readFileSync(sharedFixture('hf-models-trending.json'), 'utf8')) as { id: string }[];
    const owners = [...new Set(models.slice(0, 30).map((model) => model.id.split('/')[0]!))];
    const known = owners.filter((owner) => accountOf(owner));
    const absent = owners.filter((owner) => !accountOf(owner));
    // Every owner absent from the table is listed above, with a reason; and nothing listed above is in the table.
    expect(absent.filter((owner) => !KNOWINGLY_ABSENT[owner])).toEqual([]);
    expect(Object.keys(KNOWINGLY_ABSENT).filter((owner) => accountOf(owner))).toEqual([]);
    // By hand: Qwen, unsloth, Lightricks, MiniMaxAI, huihui-ai, deepseek-ai, DavidAU, moonshotai are in the table;
    // 13 owners are not; 14 of the 30 models have an owner with a role (Qwen 3, unsloth 2, MiniMaxAI 2, huihui-ai 2,
    // deepseek-ai 2, Lightricks, DavidAU, moonshotai 1 each).
    expect(known).toEqual(['Qwen', 'unsloth', 'Lightricks', 'MiniMaxAI', 'huihui-ai', 'deepseek-ai', 'DavidAU', 'moonshotai']);
    expect(absent).toHaveLength(13);
    expect(models.slice(0, 30).filter((model) => accountOf(model.id.split('/')[0])).length).toBe(14);
    console.info(`recorded top 30: ${owners.length} owners, ${known.length} in the table, ${absent.length} knowingly absent (${absent.join(', ')})`);
  });
});

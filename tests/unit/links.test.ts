import { describe, expect, it } from 'vitest';
import { huggingFaceUrl, isHuggingFaceRepoId, isSafeLink } from '@/lib/shared/links';

describe('links', () => {
  it.each(['Qwen/Qwen3.8-27B', 'gpt2', 'unsloth/Qwen3.8-27B-GGUF', 'a_b/c.d-e', 'TenStrip/10Eros-Max'])('accepts the repo id %s', (id) => {
    expect(isHuggingFaceRepoId(id)).toBe(true);
  });

  it.each(['', 'a/b/c', '../x', 'a/..', 'a/b.', 'javascript:alert(1)', 'https://x.y/z', 'a b/c', 'a/-b', 'org/na?me', 'x'.repeat(97)])(
    'rejects %j',
    (id) => {
      expect(isHuggingFaceRepoId(id)).toBe(false);
    },
  );

  it('builds each repo type on its own path (api-facts.md, pitfall 3)', () => {
    expect(huggingFaceUrl('model', 'org/m')).toBe('https://huggingface.co/org/m');
    expect(huggingFaceUrl('dataset', 'org/d')).toBe('https://huggingface.co/datasets/org/d');
    expect(huggingFaceUrl('space', 'org/s')).toBe('https://huggingface.co/spaces/org/s');
    expect(() => huggingFaceUrl('model', 'javascript:alert(1)')).toThrow(/not a Hugging Face repo id/);
  });

  it.each<[string, boolean]>([
    ['https://huggingface.co/org/m', true],
    ['https://github.com/o/r', true],
    ['http://huggingface.co/org/m', false],
    ['javascript:alert(1)', false],
    ['https://huggingface.co.evil.example/x', false],
    ['https://user:pass@github.com/o/r', false],
    ['not a url', false],
  ])('isSafeLink(%s) is %s', (href, safe) => {
    expect(isSafeLink(href)).toBe(safe);
  });
});

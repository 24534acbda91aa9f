import { describe, expect, it } from 'vitest';
import { clampServerWait, MAX_SERVER_WAIT_MS } from '@/lib/shared/limits';

describe('clampServerWait', () => {
  const now = 1_700_000_000_000;
  it.each([
    ['an hour ahead stays', now + 3_600_000, now + 3_600_000],
    ['a day ahead stays', now + 86_400_000, now + 86_400_000],
    ['a day and a second ahead is a day', now + 86_401_000, now + 86_400_000],
    ['Infinity is a day', Infinity, now + 86_400_000],
    ['the past is now', now - 5, now],
    ['-Infinity is now', -Infinity, now],
    ['NaN is now', NaN, now],
  ])('%s', (_, notBefore, expected) => {
    expect(clampServerWait(notBefore, now)).toBe(expected);
  });
  it('a day is 86,400,000 ms', () => expect(MAX_SERVER_WAIT_MS).toBe(86_400_000));
});

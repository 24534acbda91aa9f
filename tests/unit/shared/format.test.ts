import { describe, expect, it } from 'vitest';
import { ago, compactNumber, dateline, fullNumber, isoTime, isSayableTime, signedNumber, timeOfDay, type Place } from '@/lib/shared/format';

/**
 * Numbers and times as the surfaces print them (lib/shared/format.ts), in a named locale and time zone so
 * that the tables hold on any machine. Every expected string is written by hand. Issue #9: an invalid,
 * NaN, Infinity or absurd time never throws (`RangeError: Invalid time value` blanked the popup and side
 * panel) and no figure prints `NaN`, `Infinity` or hundreds of digits.
 */
const EN: Place = { locale: 'en-US', timeZone: 'UTC' };
const NOW = Date.UTC(2026, 10, 27, 10, 42); // Friday 27 November 2026, 10:42 UTC
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('compactNumber', () => {
  it.each([
    [undefined, '—'],
    [Number.NaN, '—'],
    [Infinity, '—'],
    [-Infinity, '—'],
    [0, '0'],
    [-0, '0'],
    [-0.0004, '0'],
    [0.5, '0.5'],
    [42, '42'],
    [9_999, '9,999'],
    [10_000, '10K'],
    [12_099, '12.1K'],
    [2_149_870, '2.1M'],
    [-5, '-5'],
    [-12_099, '-12.1K'],
    [999_940_000_000_000, '999.9T'],
    [999_950_000_000_000, '> 999T'],
    [1e15, '> 999T'],
    [2 ** 53, '> 999T'],
    [1e308, '> 999T'],
    [Number.MAX_VALUE, '> 999T'],
    [-999_950_000_000_000, '< -999T'],
    [-1e308, '< -999T'],
  ])('%s → %s', (value, shown) => {
    expect(compactNumber(value, EN)).toBe(shown);
  });
});

describe('fullNumber', () => {
  it.each([
    [undefined, 'unknown'],
    [Number.NaN, 'unknown'],
    [Infinity, 'unknown'],
    [-Infinity, 'unknown'],
    [-0, '0'],
    [1.25, '1.25'],
    [12_099, '12,099'],
    [-340, '-340'],
    [999_940_000_000_000, '999,940,000,000,000'],
    [1e15, '> 999T'],
    [Number.MAX_SAFE_INTEGER, '> 999T'],
    [1e308, '> 999T'],
    [-1e308, '< -999T'],
  ])('%s → %s', (value, shown) => {
    expect(fullNumber(value, EN)).toBe(shown);
  });
});

describe('signedNumber', () => {
  it.each([
    [undefined, undefined],
    [Number.NaN, undefined],
    [Infinity, undefined],
    [-Infinity, undefined],
    [0, '0'],
    [-0, '0'],
    [1_155, '+1,155'],
    [-3, '-3'],
    [1e308, '> 999T'],
    [-1e308, '< -999T'],
  ])('%s → %s', (value, shown) => {
    expect(signedNumber(value, EN)).toBe(shown);
  });
});

describe('times', () => {
  it.each([
    ['earlier the same day', Date.UTC(2026, 10, 27, 8, 5), '08:05 AM'],
    ['later the same day', Date.UTC(2026, 10, 27, 23, 59), '11:59 PM'],
    ['three days before', Date.UTC(2026, 10, 24, 8, 5), 'Tue 08:05 AM'],
    ['the next day', Date.UTC(2026, 10, 28, 1, 0), 'Sat 01:00 AM'],
    ['five days and 23 hours before', NOW - 5 * DAY - 23 * HOUR, 'Sat 11:42 AM'],
    ['six days before: the same weekday would mislead, so the date', NOW - 6 * DAY, 'Nov 21, 2026, 10:42 AM'],
    ['a year before', Date.UTC(2025, 10, 27, 10, 42), 'Nov 27, 2025, 10:42 AM'],
    ['the first sayable instant', Date.UTC(2000, 0, 1), 'Jan 1, 2000, 12:00 AM'],
    ['the last sayable minute', Date.UTC(2099, 11, 31, 23, 59), 'Dec 31, 2099, 11:59 PM'],
    ['the end of the century', Date.UTC(2100, 0, 1), undefined],
    ['before 2000', Date.UTC(1999, 11, 31, 23, 59), undefined],
    ['the epoch (a missing value stored as 0)', 0, undefined],
    ['NaN', Number.NaN, undefined],
    ['Infinity (an unbounded Retry-After stored by an older version)', Infinity, undefined],
    ['-Infinity', -Infinity, undefined],
    ['the last time a Date can hold (year 275760)', 8.64e15, undefined],
    ['past the last time a Date can hold', 8.64e15 + 1, undefined],
  ])('timeOfDay: %s', (_name, at, shown) => {
    expect(timeOfDay(at, NOW, EN)).toBe(shown);
  });

  it('timeOfDay compares days in its time zone, not the machine’s', () => {
    const at = Date.UTC(2026, 10, 27, 16, 0); // 16:00 UTC, Saturday 01:00 in Tokyo
    expect(timeOfDay(at, NOW, EN)).toBe('04:00 PM');
    expect(timeOfDay(at, NOW, { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Sat 01:00 AM');
  });

  it('timeOfDay against a clock that cannot be read gives the date', () => {
    expect(timeOfDay(Date.UTC(2026, 10, 27, 8, 5), Number.NaN, EN)).toBe('Nov 27, 2026, 08:05 AM');
    expect(timeOfDay(Date.UTC(2026, 10, 27, 8, 5), Infinity, EN)).toBe('Nov 27, 2026, 08:05 AM');
  });

  it.each([
    ['29 s before', NOW - 29_000, 'just now'],
    ['31 s before (rounds to a minute)', NOW - 31_000, '1 min ago'],
    ['5 min after (a clock set back)', NOW + 5 * MINUTE, 'just now'],
    ['12 min before', NOW - 12 * MINUTE, '12 min ago'],
    ['59 min before', NOW - 59 * MINUTE, '59 min ago'],
    ['3 h before', NOW - 3 * HOUR, '3 h ago'],
    ['47 h before', NOW - 47 * HOUR, '47 h ago'],
    ['50 h before', NOW - 50 * HOUR, '2 days ago'],
    ['400 days before', NOW - 400 * DAY, '400 days ago'],
    ['Infinity', Infinity, undefined],
    ['-Infinity', -Infinity, undefined],
    ['NaN', Number.NaN, undefined],
    ['the epoch', 0, undefined],
  ])('ago: %s', (_name, at, shown) => {
    expect(ago(at, NOW)).toBe(shown);
  });

  it('ago against a clock that cannot be read says nothing', () => {
    expect(ago(NOW - 3 * HOUR, Number.NaN)).toBeUndefined();
    expect(ago(NOW - 3 * HOUR, Infinity)).toBeUndefined();
  });

  it.each([
    [NOW, 'Friday, November 27, 2026', '2026-11-27T10:42:00.000Z'],
    [Date.UTC(2000, 0, 1), 'Saturday, January 1, 2000', '2000-01-01T00:00:00.000Z'],
    [Infinity, undefined, undefined],
    [Number.NaN, undefined, undefined],
    [8.64e15, undefined, undefined],
    [-8.64e15, undefined, undefined],
    [0, undefined, undefined],
  ])('dateline and isoTime of %s', (at, line, iso) => {
    expect(dateline(at, EN)).toBe(line);
    expect(isoTime(at)).toBe(iso);
  });

  it.each([
    [Date.UTC(2026, 10, 27), true],
    [Date.UTC(2000, 0, 1), true],
    [Date.UTC(2000, 0, 1) - 1, false],
    [Date.UTC(2100, 0, 1) - 1, true],
    [Date.UTC(2100, 0, 1), false],
    [Number.NaN, false],
    [Infinity, false],
    ['1764240120000', false],
    [undefined, false],
    [null, false],
  ])('isSayableTime(%s) is %s', (at, sayable) => {
    expect(isSayableTime(at)).toBe(sayable);
  });
});

/** Numbers no figure or time may print, in any locale: the engine's words for what is not a number. */
const NONSENSE = /NaN|Infinity|∞|Invalid|undefined|null/;
const HOSTILE_NUMBERS = [
  Number.NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.EPSILON,
  0.1 + 0.2,
  -1,
  1e21,
  -1e21,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  8.64e15,
  8.64e15 + 1,
  -8.64e15,
  -8.64e15 - 1,
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31),
  NOW,
  NOW + DAY,
  NOW - 400 * DAY,
];
const LOCALES: [string, string][] = [
  ['en-US', 'UTC'],
  ['de-DE', 'Europe/Berlin'],
  ['ar-EG', 'Africa/Cairo'],
  ['hi-IN', 'Asia/Kolkata'],
  ['ja-JP', 'Asia/Tokyo'],
];

describe('every format, over hostile numbers and times in five locales', () => {
  it('never throws, never prints NaN, Infinity or Invalid Date, and never prints more than 40 characters', () => {
    let calls = 0;
    let throws = 0;
    let nonsense = 0;
    let longest = 0;
    const bad: string[] = [];
    for (const [locale, zone] of LOCALES) {
      const place: Place = { locale, timeZone: zone };
      for (const value of HOSTILE_NUMBERS) {
        for (const other of [NOW, ...HOSTILE_NUMBERS.slice(0, 6)]) {
          const outputs: [string, () => string | undefined][] = [
            ['compactNumber', () => compactNumber(value, place)],
            ['fullNumber', () => fullNumber(value, place)],
            ['signedNumber', () => signedNumber(value, place)],
            ['timeOfDay', () => timeOfDay(value, other, place)],
            ['ago', () => ago(value, other)],
            ['dateline', () => dateline(value, place)],
            ['isoTime', () => isoTime(value)],
          ];
          for (const [name, call] of outputs) {
            calls++;
            let shown: string | undefined;
            try {
              shown = call();
            } catch (error) {
              throws++;
              bad.push(`${locale} ${name}(${value}, ${other}) threw ${String(error)}`);
              continue;
            }
            if (shown === undefined) continue;
            longest = Math.max(longest, shown.length);
            if (NONSENSE.test(shown) || shown.length > 40) {
              nonsense++;
              bad.push(`${locale} ${name}(${value}, ${other}) → ${JSON.stringify(shown)}`);
            }
          }
        }
      }
    }
    console.info(
      `format: ${calls} calls (${HOSTILE_NUMBERS.length} values × ${LOCALES.length} locales), ${throws} throws, ${nonsense} nonsense or over-long outputs, longest ${longest} characters`,
    );
    expect(bad).toEqual([]);
    expect(throws).toBe(0);
    expect(nonsense).toBe(0);
  });
});

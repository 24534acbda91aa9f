import type { ComponentChildren } from 'preact';
import { isoTime, timeOfDay } from '@/lib/shared/format';

/**
 * A stored time as `<time>`: "10:42", "Tue 10:42" or a dated time, against `now`. A time that cannot be
 * said (NaN, Infinity, a year 275760 from an older version's unbounded wait: issue #9) is `otherwise`
 * — a word such as "later", or nothing — never a thrown `RangeError` or "Invalid Date".
 */
export function When({ at, now, otherwise = null }: { at: number; now: number; otherwise?: ComponentChildren }) {
  const text = timeOfDay(at, now);
  return text === undefined ? <>{otherwise}</> : <time dateTime={isoTime(at)}>{text}</time>;
}

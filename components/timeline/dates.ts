import { isSayableTime } from '@/lib/shared/format';

/**
 * "Nov 29, 2025": a timeline's axis and table (issue #12), in the browser's
 * locale and time zone. Here rather than in lib/shared/format.ts, which every
 * other page loads before it is ready: a function added there is carried by
 * them all (tests/e2e/budgets.e2e.ts). Undefined for a time not worth printing.
 */
let format: Intl.DateTimeFormat | undefined;
export function shortDate(at: number): string | undefined {
  if (!isSayableTime(at)) return undefined;
  format ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return format.format(at);
}

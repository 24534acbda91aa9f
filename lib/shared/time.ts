/** The browser's IANA time zone; UTC when the engine cannot say (the issue is then dated in UTC). */
export function systemTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

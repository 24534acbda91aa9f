/**
 * However many callers arrive while a run is in flight, they share it: an
 * alarm, start-up and a "refresh now" at once make one request per source
 * (engineering.md, "several refreshes at once").
 */
export function singleFlight<Args extends unknown[], Result>(
  run: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  let inFlight: Promise<Result> | undefined;
  return (...args) => {
    inFlight ??= run(...args).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

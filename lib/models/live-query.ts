import { liveQuery } from 'dexie';
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';

export type LiveState<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string };

/**
 * The one bridge from Dexie's `liveQuery` to a signal (engineering.md, habit 7).
 * The subscription lives in an effect, so a model created with `createModel`
 * unsubscribes when it is disposed. The query re-runs whenever a table it read
 * changes, in this page or in the worker.
 */
export function liveQuerySignal<T>(query: () => Promise<T>): ReadonlySignal<LiveState<T>> {
  const state = signal<LiveState<T>>({ state: 'loading' });
  effect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        state.value = { state: 'ready', value };
      },
      error: (error: unknown) => {
        state.value = { state: 'error', message: error instanceof Error ? error.message : String(error) };
      },
    });
    return () => subscription.unsubscribe();
  });
  return computed(() => state.value);
}

/** A signal of the current time, ticking so that "12 minutes ago" stays true. */
export function clockSignal(now: () => number, everyMs = 30_000): ReadonlySignal<number> {
  const time = signal(now());
  effect(() => {
    const timer = setInterval(() => {
      time.value = now();
    }, everyMs);
    return () => clearInterval(timer);
  });
  return computed(() => time.value);
}

import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { MorningPostDB } from '../history/db';
import { errorMessage } from '../shared/error-message';

export type LiveState<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string };

/**
 * Where a page's live queries come from. Dexie (33 KB gzip) is loaded by
 * `open` only when they start, so that a page can paint from a plain
 * IndexedDB read first (lib/history/plain-read.ts; issue #8).
 */
export interface LiveSource {
  /** The Dexie database, loaded and opened on demand. */
  open: () => Promise<MorningPostDB>;
  /** Live queries start once this resolves (the page is ready) — or at once when a first read fails. Absent: at once. */
  after?: Promise<unknown>;
}

/** One Dexie load and one database per page, however many queries it runs. */
export function sharedOpen(open: () => Promise<MorningPostDB>): () => Promise<MorningPostDB> {
  let opened: Promise<MorningPostDB> | undefined;
  return () => (opened ??= open());
}

/**
 * The one bridge from Dexie's `liveQuery` to the models (engineering.md,
 * habit 7): calls `onState` with each answer; returns the unsubscribe. The
 * query re-runs whenever a table it read changes, in this page or in the worker.
 *
 * `first`, when given, answers before the live query starts (a plain read that
 * needs no Dexie); its value stands until the live query's first answer. If
 * it fails, the live query starts at once and its answer (or error) is shown.
 * `'known'`: the caller already holds that first answer (it read it before
 * subscribing); the live query starts as it would after a first read.
 */
export function subscribeLive<T>(
  source: LiveSource,
  query: (db: MorningPostDB) => Promise<T>,
  onState: (state: LiveState<T>) => void,
  first?: (() => Promise<T>) | 'known',
): () => void {
  let disposed = false;
  let started = false;
  let answered = false;
  let subscription: { unsubscribe(): void } | undefined;
  const start = async () => {
    if (disposed || started) return;
    started = true;
    try {
      const [{ liveQuery }, db] = await Promise.all([import('dexie'), source.open()]);
      if (disposed) return;
      subscription = liveQuery(() => query(db)).subscribe({
        next: (value) => {
          answered = true;
          onState({ state: 'ready', value });
        },
        error: (error: unknown) => {
          answered = true;
          onState({ state: 'error', message: errorMessage(error) });
        },
      });
    } catch (error) {
      if (!disposed) onState({ state: 'error', message: errorMessage(error) });
    }
  };
  if (first) {
    if (first !== 'known') {
      first().then(
        (value) => {
          if (!disposed && !answered) onState({ state: 'ready', value });
        },
        () => void start(),
      );
    }
    // After the page is ready, and after the frame that shows it: Dexie's parse is not the reader's wait.
    void Promise.resolve(source.after).then(() => setTimeout(() => void start(), 0));
  } else {
    void Promise.resolve(source.after).then(() => void start());
  }
  return () => {
    disposed = true;
    subscription?.unsubscribe();
  };
}

/**
 * `subscribeLive` as a signal. The subscription lives in an effect, so a model
 * created with `createModel` unsubscribes when it is disposed.
 */
export function liveQuerySignal<T>(
  source: LiveSource,
  query: (db: MorningPostDB) => Promise<T>,
  first?: () => Promise<T>,
  known?: { value: T },
): ReadonlySignal<LiveState<T>> {
  // `known`: the first answer, already read (lib/models/early-read.ts `issueAnswer`): the first render has it.
  const state = signal<LiveState<T>>(known ? { state: 'ready', value: known.value } : { state: 'loading' });
  effect(() => subscribeLive(source, query, (next) => (state.value = next), known ? 'known' : first));
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

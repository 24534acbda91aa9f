/**
 * Loads one of the extension's own scripts once and returns what it leaves on
 * the page's global object under `globalName` (issue #10: the options page's
 * data tools, entrypoints/data-transfer.ts, built apart from the pages so that
 * they move no byte into what the pages load before they are ready). A
 * `<script>` of the extension's own origin is allowed by the pages' CSP
 * ('self'). A failed load is not remembered: the next call tries again.
 */
const loading = new Map<string, Promise<unknown>>();

export function loadScriptGlobal<T>(path: string, globalName: string): Promise<T> {
  let pending = loading.get(path);
  if (!pending) {
    pending = new Promise<unknown>((resolve, reject) => {
      const element = document.createElement('script');
      element.src = path;
      element.onload = () => {
        const value = (globalThis as Record<string, unknown>)[globalName];
        if (value) resolve(value);
        else reject(new Error(`${path} loaded but did not start.`));
      };
      element.onerror = () => reject(new Error(`${path} could not be loaded.`));
      document.head.append(element);
    }).catch((error: unknown) => {
      loading.delete(path);
      throw error;
    });
    loading.set(path, pending);
  }
  return pending as Promise<T>;
}

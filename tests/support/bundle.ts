import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a page loads before it can paint: its entry script and the
 * chunks it preloads, as the built HTML lists them (lazy chunks not counted).
 */
export function initialJavaScript(buildDir: string, page: string): PageWeight {
  const html = readFileSync(join(buildDir, page), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map(
    (match) => match[1]!,
  );
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(buildDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { page, files, rawBytes, gzipBytes };
}

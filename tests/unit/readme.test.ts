import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths';

/**
 * Every picture the README shows is in the repository: present, a PNG, and
 * tracked by git (a .gitignore pattern once kept docs/screenshots/ out, and
 * the README showed none). Regenerate them with
 * `npm run preview -- --out docs/screenshots`.
 */
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Image paths of Markdown `![alt](path "title")` and HTML `<img src="path">`, in order, without repeats. */
export function imagePaths(markdown: string): string[] {
  const markdownImages = [...markdown.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+["'][^)]*["'])?\s*\)/g)].map((match) => (match[1] ?? match[2])!);
  const htmlImages = [...markdown.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((match) => (match[1] ?? match[2] ?? match[3])!);
  return [...new Set([...markdownImages, ...htmlImages])];
}

const local = imagePaths(README).filter((path) => !/^[a-z][a-z0-9+.-]*:/i.test(path));

describe('README.md', () => {
  it('finds the pictures however they are written', () => {
    expect(imagePaths('![a](docs/a.png) ![](<docs/b c.png> "title") <img alt="x" src="docs/c.png"> <IMG src=\'d.png\'> ![a](docs/a.png)')).toEqual([
      'docs/a.png',
      'docs/b c.png',
      'docs/c.png',
      'd.png',
    ]);
    expect(local.length).toBeGreaterThan(0);
  });

  it.each(local)('shows %s, a PNG committed to the repository', (path) => {
    const file = join(PROJECT_ROOT, decodeURI(path));
    const regenerate = 'regenerate it with `npm run preview -- --out docs/screenshots` and commit it';
    if (!existsSync(file)) expect.fail(`README.md shows ${path}, which does not exist: ${regenerate}.`);
    const head = readFileSync(file).subarray(0, PNG_MAGIC.length);
    if (!head.equals(PNG_MAGIC)) expect.fail(`README.md shows ${path}, which is not a PNG (it starts with ${head.toString('hex')}): ${regenerate}.`);
    try {
      execFileSync('git', ['ls-files', '--error-unmatch', '--', decodeURI(path)], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    } catch {
      expect.fail(`README.md shows ${path}, which git does not track (ignored, or never added): check .gitignore, then \`git add ${path}\`.`);
    }
  });
});

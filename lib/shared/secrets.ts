/**
 * The optional GitHub token. It lives in `storage.local` only — never in
 * `storage.sync`, which would copy it to every browser of the account — and is
 * sent only to https://api.github.com (lib/background/fetch-source.ts).
 */
export const GITHUB_TOKEN_KEY = 'githubToken';

export interface LocalStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** GitHub tokens: classic `ghp_…`, fine-grained `github_pat_…`, and the other prefixes GitHub issues. */
const TOKEN = /^(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})$/;

export function isPlausibleGithubToken(token: string): boolean {
  return TOKEN.test(token);
}

export async function loadGithubToken(storage: LocalStorageArea): Promise<string | undefined> {
  const token = (await storage.get(GITHUB_TOKEN_KEY))[GITHUB_TOKEN_KEY];
  return typeof token === 'string' && isPlausibleGithubToken(token) ? token : undefined;
}

export async function saveGithubToken(storage: LocalStorageArea, token: string): Promise<void> {
  const trimmed = token.trim();
  if (trimmed === '') return storage.remove(GITHUB_TOKEN_KEY);
  if (!isPlausibleGithubToken(trimmed)) throw new Error('That does not look like a GitHub token (ghp_… or github_pat_…).');
  await storage.set({ [GITHUB_TOKEN_KEY]: trimmed });
}

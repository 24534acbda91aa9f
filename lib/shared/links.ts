/**
 * Links are built from validated ids against an https allowlist; a URL found in
 * remote data is never used as it is (engineering.md: `javascript:` or foreign links).
 */

/**
 * A Hugging Face repo id: `name` (legacy canonical models such as `gpt2`) or
 * `org/name`. Letters, digits, `-`, `_`, `.`; no `..`, no leading `-` or `.`
 * (huggingface_hub `validate_repo_id`: max 96 chars per part).
 */
const HF_PART = /^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_.-]{0,95}$/;

export function isHuggingFaceRepoId(id: string): boolean {
  const parts = id.split('/');
  if (parts.length > 2) return false;
  return parts.every((part) => HF_PART.test(part) && !part.endsWith('.'));
}

export type HuggingFaceRepoType = 'model' | 'dataset' | 'space';

const HF_PREFIX: Record<HuggingFaceRepoType, string> = { model: '', dataset: 'datasets/', space: 'spaces/' };

/** `https://huggingface.co/{id}`, `/datasets/{id}`, `/spaces/{id}` (api-facts.md, pitfall 3). */
export function huggingFaceUrl(type: HuggingFaceRepoType, id: string): string {
  if (!isHuggingFaceRepoId(id)) throw new Error(`not a Hugging Face repo id: ${JSON.stringify(id)}`);
  return `https://huggingface.co/${HF_PREFIX[type]}${id}`;
}

/**
 * A GitHub `owner/repo`: owners are alphanumerics and single hyphens (max 39),
 * repository names letters, digits, `-`, `_`, `.` (max 100), not `.` or `..`.
 */
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9_.-]{1,100}$/;

export function isGithubRepoFullName(fullName: string): boolean {
  const [owner, repo, ...rest] = fullName.split('/');
  return rest.length === 0 && !!owner && !!repo && GITHUB_OWNER.test(owner) && GITHUB_REPO.test(repo) && repo !== '.' && repo !== '..';
}

/** `https://github.com/{owner}/{repo}` from a validated full name. */
export function githubRepoUrl(fullName: string): string {
  if (!isGithubRepoFullName(fullName)) throw new Error(`not a GitHub owner/repo: ${JSON.stringify(fullName)}`);
  return `https://github.com/${fullName}`;
}

/**
 * The `owner/repo` of a github.com repository URL (as a paper's `githubRepo`
 * gives it), or undefined when it is anything else.
 */
export function githubFullNameFromUrl(href: string): string | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.hostname !== 'github.com' && url.hostname !== 'www.github.com') return undefined;
    const [owner, repo] = url.pathname.split('/').filter(Boolean);
    const fullName = `${owner}/${(repo ?? '').replace(/\.git$/, '')}`;
    return isGithubRepoFullName(fullName) ? fullName : undefined;
  } catch {
    return undefined;
  }
}

/** New-style arXiv ids (`2507.01234`, optionally `v2`); Hugging Face papers are keyed by them. */
const ARXIV_ID = /^\d{4}\.\d{4,5}(?:v\d+)?$/;

export function isArxivId(id: string): boolean {
  return ARXIV_ID.test(id);
}

/** `https://huggingface.co/papers/{arxivId}`. */
export function huggingFacePaperUrl(arxivId: string): string {
  if (!isArxivId(arxivId)) throw new Error(`not an arXiv id: ${JSON.stringify(arxivId)}`);
  return `https://huggingface.co/papers/${arxivId}`;
}

const ALLOWED_HOSTS = new Set(['huggingface.co', 'github.com', 'arxiv.org']);

/** True for https links to a host the extension links to; views check every href with it. */
export function isSafeLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && ALLOWED_HOSTS.has(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The GitHub repositories that items link as their code (papers' `githubRepo`), lower-cased `owner/repo`. */
export function linkedRepositoriesOf(items: Iterable<{ codeUrl?: string }>): Set<string> {
  const linked = new Set<string>();
  for (const item of items) {
    const match = item.codeUrl ? /^https:\/\/github\.com\/([^/]+\/[^/]+)$/.exec(item.codeUrl) : null;
    if (match) linked.add(match[1]!.toLowerCase());
  }
  return linked;
}

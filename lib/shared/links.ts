import { MAX_GITHUB_OWNER_LENGTH, MAX_GITHUB_REPO_LENGTH, MAX_HF_ID_PART_LENGTH, MAX_LINK_INPUT_LENGTH } from './limits';

/**
 * Links are built from validated ids against an https allowlist; a URL found in
 * remote data is never used as it is (engineering.md: `javascript:` or foreign links).
 *
 * An id is accepted only in a documented shape, and not merely by its
 * characters: `github.com/settings/tokens` and `huggingface.co/logout` are made
 * of valid characters but are the sites' own pages, not a repository (issue #9,
 * finding 4; api-facts.md, pitfall 12). Every check reads the raw string: the
 * URL parser would resolve `/o/r/../../settings/tokens` and decode nothing
 * else, so nothing here is handed to `new URL` before it is known to be plain.
 *
 * The only links the extension makes (and so the only ones `isSafeLink` passes):
 * - `https://huggingface.co/{model id}` (`name` or `namespace/name`)
 * - `https://huggingface.co/datasets/{namespace}/{name}`
 * - `https://huggingface.co/spaces/{namespace}/{name}`
 * - `https://huggingface.co/papers/{arXiv id}`
 * - `https://github.com/{owner}/{repo}`
 */

// ————— Hugging Face —————

export type HuggingFaceRepoType = 'model' | 'dataset' | 'space';

/**
 * First path segments of huggingface.co that are the site's own pages, so no
 * user or organisation (nor a legacy one-part model) can be named so. The
 * Hub's validation is not public (huggingface_hub `validate_repo_id` cites
 * moon-landing `server/lib/Names.ts`, an internal repository), so this is the
 * list in api-facts.md (pitfall 12) plus the site's top-level routes linked
 * from its own header, footer and settings pages: the repo-type prefixes, the
 * account and sign-in pages, the product and documentation pages. Compared
 * without case: the site routes `/Settings` to no user either.
 */
const HF_RESERVED_FIRST_SEGMENTS = new Set([
  // repo-type and listing prefixes
  'models', 'datasets', 'spaces', 'papers', 'collections', 'posts', 'organizations', 'search',
  // account, sign-in and creation pages
  'login', 'logout', 'join', 'oauth', 'settings', 'notifications', 'billing', 'password', 'welcome',
  'new', 'new-dataset', 'new-space', 'new-collection',
  // the API, static files and site services
  'api', 'front', 'static-proxy', 'mcp',
  // product, documentation and company pages
  'docs', 'blog', 'learn', 'tasks', 'chat', 'pricing', 'enterprise', 'inference-endpoints', 'playground',
  'changelog', 'brand', 'terms-of-service', 'privacy', 'code-of-conduct', 'content-guidelines',
]);

/**
 * One part of a repo id (namespace or name), as huggingface_hub's
 * `REPO_ID_REGEX` has it: ASCII letters, digits, `_`, `-`, `.`, 1–96
 * characters, starting and ending with a letter, digit or `_` (its `\b` at both
 * ends).
 */
const HF_PART = new RegExp(`^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,${MAX_HF_ID_PART_LENGTH - 2}}[A-Za-z0-9_])?$`);

/**
 * A Hugging Face repo id of the given type: `namespace/name`, or for models
 * also a legacy one-part canonical id such as `gpt2` (datasets and spaces are
 * listed namespaced: every id in ../shared/fixtures is, and Hugging Face moved
 * its canonical datasets under organisations). Refused besides the character
 * class, as huggingface_hub `validate_repo_id` refuses them: `--` or `..`
 * anywhere, a trailing `.git`, more than one `/`; and a first part that is a
 * reserved route of the site.
 */
export function isHuggingFaceRepoId(id: string, type: HuggingFaceRepoType): boolean {
  if (typeof id !== 'string') return false;
  const parts = id.split('/');
  if (parts.length > 2 || (parts.length === 1 && type !== 'model')) return false;
  if (id.includes('--') || id.includes('..') || id.endsWith('.git')) return false;
  if (!parts.every((part) => HF_PART.test(part))) return false;
  return !HF_RESERVED_FIRST_SEGMENTS.has(parts[0]!.toLowerCase());
}

/** `isHuggingFaceRepoId` for one repo type, in the one-argument form a schema check takes. */
export const isHuggingFaceModelId = (id: string): boolean => isHuggingFaceRepoId(id, 'model');
export const isHuggingFaceDatasetId = (id: string): boolean => isHuggingFaceRepoId(id, 'dataset');
export const isHuggingFaceSpaceId = (id: string): boolean => isHuggingFaceRepoId(id, 'space');

const HF_PREFIX: Record<HuggingFaceRepoType, string> = { model: '', dataset: 'datasets/', space: 'spaces/' };

/** `https://huggingface.co/{id}`, `/datasets/{id}`, `/spaces/{id}` (api-facts.md, pitfall 3). */
export function huggingFaceUrl(type: HuggingFaceRepoType, id: string): string {
  if (!isHuggingFaceRepoId(id, type)) throw new Error(`not a Hugging Face ${type} id: ${JSON.stringify(id)}`);
  return `https://huggingface.co/${HF_PREFIX[type]}${id}`;
}

// ————— GitHub —————

/**
 * First path segments of github.com that are GitHub's own pages, never an
 * owner: the names GitHub refuses on its new-organization form, as collected
 * by the npm package `github-reserved-names` (Mottie/github-reserved-names,
 * `reserved-names.json`, kept by refined-github's maintainers; api-facts.md
 * pitfall 12), plus routes added since (`codespaces`, `copilot`, `enterprises`,
 * `solutions`). `ghost` is the stand-in for deleted accounts. GitHub matches
 * logins without case, so these are compared lower-cased.
 */
const GITHUB_RESERVED_OWNERS = new Set([
  ...Array.from({ length: 32 }, (_, index) => String(400 + index)), // 400–431: error pages
  ...Array.from({ length: 12 }, (_, index) => String(500 + index)), // 500–511
  ...Array.from({ length: 10 }, (_, index) => `www${index}`),
  'about', 'access', 'account', 'admin', 'anonymous', 'any', 'api', 'apps', 'attributes', 'auth',
  'billing', 'blob', 'blog', 'bounty', 'branches', 'business', 'businesses',
  'c', 'cache', 'case-studies', 'categories', 'central', 'certification', 'changelog', 'cla', 'cloud',
  'codereview', 'codespaces', 'collection', 'collections', 'comments', 'commit', 'commits', 'community',
  'companies', 'compare', 'contact', 'contributing', 'cookbook', 'copilot', 'coupons', 'customer', 'customers',
  'dashboard', 'dashboards', 'design', 'develop', 'developer', 'diff', 'discover', 'discussions', 'docs',
  'downloads', 'downtime',
  'editor', 'editors', 'edu', 'enterprise', 'enterprises', 'events', 'explore',
  'featured', 'features', 'files', 'fixtures', 'forked',
  'garage', 'ghost', 'gist', 'gists', 'graphs', 'guide', 'guides',
  'help', 'help-wanted', 'home', 'hooks', 'hosting', 'hovercards',
  'identity', 'images', 'inbox', 'individual', 'info', 'integration', 'interfaces', 'introduction',
  'investors', 'issues',
  'jobs', 'join', 'journal', 'journals',
  'lab', 'labs', 'languages', 'launch', 'layouts', 'learn', 'legal', 'library', 'linux', 'listings', 'lists',
  'login', 'logos', 'logout',
  'mac', 'maintenance', 'malware', 'man', 'marketplace', 'mention', 'mentioned', 'mentioning', 'mentions',
  'migrating', 'milestones', 'mine', 'mirrors', 'mobile',
  'navigation', 'network', 'new', 'news', 'none', 'nonprofit', 'nonprofits', 'notices', 'notifications',
  'oauth', 'offer', 'open-source', 'organisations', 'organizations', 'orgs',
  'pages', 'partners', 'payments', 'personal', 'plans', 'plugins', 'popular', 'popularity', 'posts', 'press',
  'pricing', 'professional', 'projects', 'pulls',
  'raw', 'readme', 'recommendations', 'redeem', 'releases', 'render', 'reply', 'repositories', 'resources',
  'restore', 'revert',
  'save-net-neutrality', 'saved', 'scraping', 'search', 'security', 'services', 'sessions', 'settings',
  'shareholders', 'shop', 'showcases', 'signin', 'signup', 'site', 'solutions', 'spam', 'sponsors', 'ssh',
  'staff', 'starred', 'stars', 'static', 'status', 'statuses', 'storage', 'store', 'stories', 'styleguide',
  'subscriptions', 'suggest', 'suggestion', 'suggestions', 'support', 'suspended',
  'talks', 'teach', 'teacher', 'teachers', 'teaching', 'teams', 'ten', 'terms', 'timeline', 'topic', 'topics',
  'tos', 'tour', 'train', 'training', 'translations', 'tree', 'trending',
  'updates', 'username', 'users',
  'visualization',
  'w', 'watching', 'wiki', 'windows', 'works-with',
]);

/**
 * A GitHub login: ASCII letters, digits and hyphens, not starting with a
 * hyphen, at most 39 characters (older accounts may hold double or trailing
 * hyphens, so those are not refused). A repository name: letters, digits, `-`,
 * `_`, `.`, at most 100 characters, and not the dot segments `.` and `..`.
 */
const GITHUB_OWNER = new RegExp(`^[A-Za-z0-9][A-Za-z0-9-]{0,${MAX_GITHUB_OWNER_LENGTH - 1}}$`);
const GITHUB_REPO = new RegExp(`^[A-Za-z0-9_.-]{1,${MAX_GITHUB_REPO_LENGTH}}$`);

/**
 * A GitHub `owner/repo` that names a repository: both parts in GitHub's shape,
 * the owner not one of GitHub's own first path segments (`settings/tokens`,
 * `apps/x`, `login/oauth` are pages, not repositories), and the name not a dot
 * segment nor ending in `.git` (GitHub strips that suffix from a new name, so no
 * repository is called so).
 */
export function isGithubRepoFullName(fullName: string): boolean {
  if (typeof fullName !== 'string') return false;
  const parts = fullName.split('/');
  if (parts.length !== 2) return false;
  const [owner, repo] = parts as [string, string];
  if (!GITHUB_OWNER.test(owner) || GITHUB_RESERVED_OWNERS.has(owner.toLowerCase())) return false;
  return GITHUB_REPO.test(repo) && repo !== '.' && repo !== '..' && !repo.toLowerCase().endsWith('.git');
}

/** `https://github.com/{owner}/{repo}` from a validated full name. */
export function githubRepoUrl(fullName: string): string {
  if (!isGithubRepoFullName(fullName)) throw new Error(`not a GitHub owner/repo: ${JSON.stringify(fullName)}`);
  return `https://github.com/${fullName}`;
}

/**
 * A github.com repository URL as a paper's submitter types it: `http(s)://`,
 * `github.com` or `www.github.com` (scheme and host without case), then
 * `owner/repo`, then nothing but an optional `.git`, a trailing `/`, or a path
 * inside the repository under `/tree/` or `/blob/` (papers often link a folder
 * of a lab's monorepo), and a query or fragment of visible ASCII, dropped (it
 * cannot change which repository the path names). No userinfo, port,
 * percent-encoding in the path, backslash, whitespace or non-ASCII character:
 * the character classes leave them out, so `https://github.com@evil.io/o/r`,
 * `github.com.evil.io`, `github.com:443`, `%2F` and homographs fail to match.
 */
const GITHUB_REPO_URL =
  /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(?:\/|\/(?:tree|blob)\/[A-Za-z0-9_.~!$&'()*+,;=:@/-]+)?(?:[?#][\x21-\x5b\x5d-\x7e]*)?$/i;

/**
 * The `owner/repo` of a github.com repository URL (a paper's `githubRepo`), or
 * undefined for anything else. Only the name is taken: the link shown is
 * rebuilt by `githubRepoUrl`, always https to the repository's own page, so an
 * `http://` or `www.` address is upgraded rather than refused, and a `/tree/…`
 * path leads to the repository. A dot or empty segment anywhere in the raw
 * path refuses it: a browser resolves `/o/r/../../settings/tokens` to
 * GitHub's token page, so the address never meant the repository `o/r`.
 */
export function githubFullNameFromUrl(href: string): string | undefined {
  if (typeof href !== 'string' || href.length > MAX_LINK_INPUT_LENGTH) return undefined;
  const match = GITHUB_REPO_URL.exec(href);
  if (!match) return undefined;
  const segments = href.replace(/^https?:\/\//i, '').replace(/[?#].*$/s, '').split('/');
  const inner = segments.slice(1, -1);
  if (segments.some((segment) => segment === '.' || segment === '..') || inner.some((segment) => segment === '')) return undefined;
  const fullName = `${match[1]}/${match[2]}`;
  return isGithubRepoFullName(fullName) ? fullName : undefined;
}

// ————— arXiv (Hugging Face papers) —————

/**
 * An arXiv identifier of the scheme in use since April 2007 (arXiv's
 * "Understanding the arXiv identifier"): `YYMM.NNNN` up to 1412, `YYMM.NNNNN`
 * from 1501, optionally `vN`. Hugging Face papers are keyed by them; the
 * older `archive/YYMMNNN` form is refused, since its `/` would make the paper
 * page a path of another shape and the daily list (every id in
 * ../shared/fixtures) carries new-style ids only.
 */
const ARXIV_ID = /^(\d{2})(\d{2})\.(\d{4,5})(?:v[1-9]\d{0,2})?$/;

export function isArxivId(id: string): boolean {
  const match = typeof id === 'string' ? ARXIV_ID.exec(id) : null;
  if (!match) return false;
  const month = Number(match[2]);
  const yearMonth = Number(match[1]) * 100 + month;
  if (month < 1 || month > 12 || yearMonth < 704) return false;
  return match[3]!.length === (yearMonth <= 1412 ? 4 : 5);
}

/** `https://huggingface.co/papers/{arxivId}`. */
export function huggingFacePaperUrl(arxivId: string): string {
  if (!isArxivId(arxivId)) throw new Error(`not an arXiv id: ${JSON.stringify(arxivId)}`);
  return `https://huggingface.co/papers/${arxivId}`;
}

// ————— the gate every view and export passes a link through —————

const SAFE_LINK = /^https:\/\/(huggingface\.co|github\.com)\/([^?#]*)$/;

/**
 * True only for a link of a shape listed at the top of this file, exactly as
 * this module builds it: https, host exactly `huggingface.co` or `github.com`
 * (arXiv is linked nowhere, so it is not allowed), no userinfo, port, query or
 * fragment, and a path naming a model, dataset, space, paper or repository
 * with a valid id — not any path on those hosts. The raw string is read, so
 * `..`, `%2F` and whitespace fail the id checks instead of being normalised.
 * Views and the Markdown export check every href with it.
 */
export function isSafeLink(href: string): boolean {
  const match = typeof href === 'string' ? SAFE_LINK.exec(href) : null;
  if (!match) return false;
  const [, host, path] = match as unknown as [string, string, string];
  const parts = path.split('/');
  if (host === 'github.com') return isGithubRepoFullName(path);
  if (parts[0] === 'datasets' && parts.length === 3) return isHuggingFaceRepoId(`${parts[1]}/${parts[2]}`, 'dataset');
  if (parts[0] === 'spaces' && parts.length === 3) return isHuggingFaceRepoId(`${parts[1]}/${parts[2]}`, 'space');
  if (parts[0] === 'papers' && parts.length === 2) return isArxivId(parts[1]!);
  // `datasets`, `spaces` and `papers` are reserved, so a model id never starts with them.
  return isHuggingFaceRepoId(path, 'model');
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

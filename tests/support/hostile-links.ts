/**
 * Hostile ids and URLs for every id and link field of every source (issue #9,
 * "Hostile links"), each with the outcome written by hand: which link, if any,
 * the extension may make of it in each kind of field. Everything not listed
 * under `accept` must be refused. The expectations and the link-shape oracle
 * below are written from the sites' documented shapes, not from
 * lib/shared/links.ts: a change there that lets one more payload through fails
 * the suite instead of moving the expectation with it.
 */

/** What a payload may become, by the kind of field it is put in; absent = refused (no item, or no link). */
export interface Accepted {
  /** As a Hugging Face model `id`: the model page. */
  model?: string;
  /** As a dataset `id`. */
  dataset?: string;
  /** As a Space `id`. */
  space?: string;
  /** As a paper's `paper.id`: the paper page. */
  paper?: string;
  /** As a paper's `paper.githubRepo`: the paper's code link. */
  code?: string;
  /** As a GitHub search item's `full_name`. */
  fullName?: string;
  /** As the `href` of a trending row's heading link. */
  trending?: string;
}

export interface LinkPayload {
  /** What it tries. */
  name: string;
  value: string;
  accept?: Accepted;
  /**
   * Written into the trending page as it is (its entities decoded by the HTML
   * parser), instead of attribute-escaped: an entity that spells `/` or `.`.
   */
  htmlRaw?: boolean;
}

export const LINK_PAYLOADS: readonly LinkPayload[] = [
  // ————— schemes that run code or carry a document —————
  { name: 'javascript:', value: 'javascript:alert(1)' },
  { name: 'mixed-case javascript:', value: 'JaVaScRiPt:alert(document.cookie)' },
  { name: 'data: HTML', value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { name: 'vbscript:', value: 'vbscript:msgbox(1)' },
  { name: 'leading space before javascript:', value: ' javascript:alert(1)' },
  { name: 'tab inside javascript: (browsers strip it)', value: 'java\tscript:alert(1)' },
  { name: 'control character before javascript:', value: '\u0001javascript:alert(1)' },
  { name: 'javascript: with a github.com tail', value: 'javascript:alert(1)//github.com/octo/repo' },
  { name: 'whitespace around a repository URL', value: '  https://github.com/octo/repo  ' },
  // ————— protocol-relative, scheme-relative and backslashes —————
  { name: 'protocol-relative', value: '//evil.io/octo/repo' },
  { name: 'https: without slashes', value: 'https:evil.io/octo/repo' },
  { name: 'backslashes', value: 'https:\\\\evil.io\\octo\\repo' },
  { name: 'slash-backslash (protocol-relative to a browser)', value: '/\\evil.io/octo' },
  // ————— look-alike hosts, userinfo, ports —————
  { name: 'github.com as a subdomain', value: 'https://github.com.evil.io/octo/repo' },
  { name: 'github.com in the path', value: 'https://evil.io/github.com/octo/repo' },
  { name: 'github.com as userinfo', value: 'https://github.com@evil.io/octo/repo' },
  { name: 'userinfo before github.com', value: 'https://user:pass@github.com/octo/repo' },
  { name: 'Cyrillic і in github', value: 'https://gіthub.com/octo/repo' },
  { name: 'punycode look-alike', value: 'https://xn--gthub-cta.com/octo/repo' },
  { name: 'githubusercontent', value: 'https://raw.githubusercontent.com/octo/repo' },
  { name: 'a port', value: 'https://github.com:8443/octo/repo' },
  { name: 'huggingface.co as a subdomain', value: 'https://huggingface.co.evil.io/org/model' },
  // ————— the sites' own pages —————
  { name: 'GitHub token settings', value: 'https://github.com/settings/tokens' },
  { name: 'GitHub OAuth authorize', value: 'https://github.com/login/oauth/authorize' },
  { name: 'a GitHub App', value: 'https://github.com/apps/evil-app' },
  { name: 'Hugging Face logout', value: 'https://huggingface.co/logout' },
  { name: 'path to GitHub token settings', value: '/settings/tokens' },
  { name: 'path to a GitHub App', value: '/apps/evil-app' },
  { name: 'settings/tokens as an id', value: 'settings/tokens' },
  { name: 'Settings/Tokens in mixed case', value: 'Settings/Tokens' },
  { name: 'login/oauth as an id', value: 'login/oauth' },
  { name: 'logout as an id', value: 'logout' },
  { name: 'api/models as an id', value: 'api/models' },
  // Reserved on one site only: the other site's page of that shape is a real repository.
  { name: 'datasets/… (a Hugging Face route, a GitHub organisation)', value: 'datasets/evil', accept: { fullName: 'https://github.com/datasets/evil' } },
  { name: 'spaces/… (a Hugging Face route)', value: 'spaces/evil', accept: { fullName: 'https://github.com/spaces/evil' } },
  {
    name: 'sponsors/… (a GitHub route)',
    value: 'sponsors/evil',
    accept: { model: 'https://huggingface.co/sponsors/evil', dataset: 'https://huggingface.co/datasets/sponsors/evil', space: 'https://huggingface.co/spaces/sponsors/evil' },
  },
  // ————— dot segments, read before any parser resolves them —————
  { name: 'dot segments after a repository', value: 'https://github.com/octo/repo/../../settings/tokens' },
  { name: 'dot segments in a path', value: '/octo/repo/../../x/y' },
  { name: 'a dot-dot repository path', value: '/octo/..' },
  { name: 'a dot-dot repository id', value: 'octo/..' },
  { name: 'a leading dot-dot', value: '../settings/tokens' },
  { name: 'an entity-encoded slash (HTML)', value: '/settings&#47;tokens', htmlRaw: true },
  { name: 'entity-encoded dots (HTML)', value: '/octo/&#46;&#46;', htmlRaw: true },
  // ————— percent-encoding —————
  { name: 'an encoded slash in an id', value: 'octo%2Frepo' },
  { name: 'encoded slashes and dots in a path', value: '/octo%2F..%2F..%2Fsettings/tokens' },
  { name: 'encoded dots', value: '%2e%2e/%2e%2e/settings' },
  { name: 'encoded slashes after a repository', value: 'https://github.com/octo/repo%2F..%2F..%2Fsettings' },
  // ————— lengths —————
  { name: 'a 97-character namespace', value: `${'a'.repeat(97)}/model` },
  { name: 'a 5,000-character name', value: `octo/${'r'.repeat(5000)}` },
  {
    name: 'a 40-character owner (over GitHub’s 39, within Hugging Face’s 96)',
    value: `${'o'.repeat(40)}/repo`,
    accept: {
      model: `https://huggingface.co/${'o'.repeat(40)}/repo`,
      dataset: `https://huggingface.co/datasets/${'o'.repeat(40)}/repo`,
      space: `https://huggingface.co/spaces/${'o'.repeat(40)}/repo`,
    },
  },
  // ————— unicode —————
  { name: 'Cyrillic о in the owner', value: 'оctо/repo' },
  { name: 'NUL', value: 'octo/repo\u0000' },
  { name: 'right-to-left override', value: 'octo/re\u202epo' },
  { name: 'zero-width space', value: 'octo/repo\u200b' },
  { name: 'fullwidth letters', value: 'ｏｃｔｏ/repo' },
  // ————— arXiv-shaped —————
  { name: 'dot segments after an arXiv id', value: '2507.01234/../../settings' },
  { name: 'an arXiv id with month 13 (a valid legacy model id)', value: '2613.12345', accept: { model: 'https://huggingface.co/2613.12345' } },
  {
    name: 'an old-style arXiv id',
    value: 'hep-th/9901001',
    accept: {
      model: 'https://huggingface.co/hep-th/9901001',
      dataset: 'https://huggingface.co/datasets/hep-th/9901001',
      space: 'https://huggingface.co/spaces/hep-th/9901001',
      fullName: 'https://github.com/hep-th/9901001',
    },
  },
  // ————— controls: of a documented shape, so accepted where that shape belongs —————
  {
    name: 'control: an owner/name id',
    value: 'octo/valid-repo',
    accept: {
      model: 'https://huggingface.co/octo/valid-repo',
      dataset: 'https://huggingface.co/datasets/octo/valid-repo',
      space: 'https://huggingface.co/spaces/octo/valid-repo',
      fullName: 'https://github.com/octo/valid-repo',
    },
  },
  { name: 'control: a legacy one-part model id', value: 'gpt2', accept: { model: 'https://huggingface.co/gpt2' } },
  { name: 'control: a trending row path', value: '/octo/trending-repo', accept: { trending: 'https://github.com/octo/trending-repo' } },
  // An attribute's surrounding spaces are stripped by the browser as well: the same repository.
  { name: 'control: a trending row path with spaces', value: ' /octo/spaced-repo ', accept: { trending: 'https://github.com/octo/spaced-repo' } },
  { name: 'control: an http repository URL (rebuilt as https)', value: 'http://github.com/octo/http-repo', accept: { code: 'https://github.com/octo/http-repo' } },
  { name: 'control: a folder of a repository', value: 'https://github.com/octo/tree-repo/tree/main/src', accept: { code: 'https://github.com/octo/tree-repo' } },
  { name: 'control: a .git URL', value: 'https://github.com/octo/code-repo.git', accept: { code: 'https://github.com/octo/code-repo' } },
  { name: 'control: an arXiv id', value: '2607.07673', accept: { paper: 'https://huggingface.co/papers/2607.07673', model: 'https://huggingface.co/2607.07673' } },
];

// ————— the oracle: the link shapes the extension may render —————

/** First path segments that are the sites' own pages (api-facts.md pitfall 12, and the payloads above). */
const HF_ROUTES = new Set(['settings', 'logout', 'login', 'join', 'oauth', 'api', 'models', 'datasets', 'spaces', 'papers', 'docs', 'blog', 'pricing', 'organizations', 'new', 'collections', 'chat', 'posts', 'learn', 'tasks']);
const GITHUB_ROUTES = new Set(['settings', 'login', 'logout', 'apps', 'orgs', 'organizations', 'sponsors', 'marketplace', 'features', 'topics', 'trending', 'explore', 'collections', 'notifications', 'pulls', 'issues', 'search', 'about', 'pricing', 'security', 'enterprise', 'site', 'account', 'new', 'codespaces', 'users', 'api']);

const HF_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?$/;
const hfName = (part: string | undefined): boolean => part !== undefined && HF_NAME.test(part) && !part.includes('..') && !part.includes('--');

/**
 * Why a link is not one the extension may render, or undefined when it is:
 * `https://huggingface.co/{model}`, `/datasets/{ns}/{name}`, `/spaces/{ns}/{name}`,
 * `/papers/{YYMM.NNNNN}`, `https://github.com/{owner}/{repo}` — nothing else.
 */
export function linkShapeProblem(href: string): string | undefined {
  const match = /^https:\/\/(huggingface\.co|github\.com)\/([^?#]*)$/.exec(href);
  if (!match) return 'not https to exactly huggingface.co or github.com, or it has a query or fragment';
  const [host, path] = [match[1]!, match[2]!];
  const parts = path.split('/');
  if (host === 'github.com') {
    if (parts.length !== 2) return 'a github.com path that is not owner/repo';
    const [owner, repo] = parts as [string, string];
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(owner)) return 'not a GitHub login';
    if (GITHUB_ROUTES.has(owner.toLowerCase())) return `github.com/${owner} is GitHub's own page`;
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(repo) || repo === '.' || repo === '..') return 'not a GitHub repository name';
    return undefined;
  }
  if (parts[0] === 'papers') return parts.length === 2 && /^\d{4}\.\d{4,5}$/.test(parts[1]!) ? undefined : 'not a paper page';
  if (parts[0] === 'datasets' || parts[0] === 'spaces') {
    return parts.length === 3 && hfName(parts[1]) && hfName(parts[2]) && !HF_ROUTES.has(parts[1]!.toLowerCase()) ? undefined : `not a ${parts[0]} page`;
  }
  if (parts.length > 2 || !parts.every(hfName)) return 'not a model page';
  return HF_ROUTES.has(parts[0]!.toLowerCase()) ? `huggingface.co/${parts[0]} is the site's own page` : undefined;
}

/**
 * The page on its own site an extension timeline link stands for (issue #12: `/timeline.html?kind=…&id=…`, the
 * rows' Timeline link), or undefined when the link is not exactly of that shape. A timeline link is as safe as
 * that page's link: the surfaces' tests hold it to the same shape and the same expectations.
 */
export function timelineTarget(href: string): string | undefined {
  const match = /^\/timeline\.html\?kind=(model|dataset|space|paper|repo)&id=([A-Za-z0-9%._-]+)$/.exec(href);
  if (!match) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[2]!);
  } catch {
    return undefined;
  }
  const kind = match[1] as 'model' | 'dataset' | 'space' | 'paper' | 'repo';
  if (kind === 'repo') return `https://github.com/${id}`;
  return `https://huggingface.co/${{ model: '', dataset: 'datasets/', space: 'spaces/', paper: 'papers/' }[kind]}${id}`;
}

/**
 * The link targets of a Markdown document (`[text](target)`), and any text
 * left outside them that a CommonMark/GFM renderer would turn into a link: an
 * autolink `<scheme:…>`, a bare `http(s)://` or `www.`.
 */
export function markdownLinks(markdown: string): { targets: string[]; stray: string[] } {
  const targets: string[] = [];
  const rest = markdown.replace(/\]\(([^)\s]*)\)/g, (_whole, target: string) => {
    targets.push(target);
    return ']';
  });
  const stray = [...rest.matchAll(/<[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*>|\bhttps?:\/\/\S*|\bwww\.\S*/gi)].map((found) => found[0]);
  return { targets, stray };
}

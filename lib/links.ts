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

import { isSafeLink } from '@/lib/shared/links';

/**
 * An item's name, `org/` set lighter than the rest; a link only when the
 * stored URL passes the allowlist (a refused link stays plain text).
 */
export function ItemName({ name, url }: { name: string; url: string }) {
  const slash = name.indexOf('/');
  const owner = slash > 0 && !name.includes(' ') ? name.slice(0, slash + 1) : '';
  const rest = owner ? name.slice(slash + 1) : name;
  const text = (
    <>
      {owner ? <span class="trending__owner">{owner}</span> : null}
      <span class="trending__name">{rest}</span>
    </>
  );
  return isSafeLink(url) ? (
    <a class="trending__link" href={url} rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <span class="trending__link">{text}</span>
  );
}

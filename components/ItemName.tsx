import { isSafeLink } from '@/lib/shared/links';

/**
 * An item's name, `org/` set lighter than the rest; a link only when the
 * stored URL passes the allowlist (a refused link stays plain text).
 * `newTab`: the link opens a new tab (the popup and the side panel, which a
 * page must not replace: issue #9, finding 7).
 */
export function ItemName({ name, url, newTab = false }: { name: string; url: string; newTab?: boolean }) {
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
    <a class="trending__link" href={url} rel="noopener noreferrer" target={newTab ? '_blank' : undefined}>
      {text}
    </a>
  ) : (
    <span class="trending__link">{text}</span>
  );
}

/** A row's movement against the list it is compared with: drawn the same in the issue and the side panel. */

/** "new", "▲ 12" or "▼ 3"; nothing when the place did not change or is unknown. */
export function Movement({ isNew, climbed }: { isNew: boolean; climbed: number | undefined }) {
  // New to the list (absent from the list compared with), which says nothing of the item's age.
  if (isNew) return <span class="mark mark--new" title="new to the list">new<span class="visually-hidden"> to the list</span></span>;
  // Nothing for a place change that is not a whole number of places (NaN, Infinity from an older record: issue #9).
  if (climbed === undefined || climbed === 0 || !Number.isSafeInteger(climbed)) return null;
  const up = climbed > 0;
  const places = Math.abs(climbed);
  return (
    <span class={up ? 'mark mark--up' : 'mark mark--down'} title={`${up ? 'up' : 'down'} ${places} ${places === 1 ? 'place' : 'places'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'}</span> {places}
      <span class="visually-hidden"> {places === 1 ? 'place' : 'places'} {up ? 'up' : 'down'}</span>
    </span>
  );
}

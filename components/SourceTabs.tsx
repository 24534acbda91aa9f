import { useRef } from 'preact/hooks';
import type { SourceId } from '@/lib/sources/ids';
import type { SourceView } from '@/lib/models/sources';

const HEALTH_WORD = { waiting: 'waiting', ok: 'up to date', stale: 'stale', failing: 'failing' } as const;

/** A tab after the sources' (the side panel's "Saved", issue #10): its panel is `panel-<id>`. */
export interface ExtraTab {
  id: string;
  label: string;
}

export interface SourceTabsProps {
  views: readonly SourceView[];
  selected: SourceId | string;
  onSelect: (id: SourceId | string) => void;
  extra?: ExtraTab | undefined;
}

/**
 * A tab per source, each with its health mark. The WAI-ARIA tabs pattern:
 * one tab in the Tab order, arrows/Home/End move between tabs and select them.
 */
export function SourceTabs({ views, selected, onSelect, extra }: SourceTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const ids: string[] = views.map((view) => view.id);
  if (extra) ids.push(extra.id);
  const move = (event: KeyboardEvent) => {
    const index = ids.indexOf(selected);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % ids.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index - 1 + ids.length) % ids.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? ids.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const id = ids[next]!;
    onSelect(id);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${id}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label="Sources" ref={list} onKeyDown={move}>
      {views.map((view) => (
        <button
          type="button"
          role="tab"
          id={`tab-${view.id}`}
          key={view.id}
          class={`tabs__tab tabs__tab--${view.health.state}`}
          aria-selected={view.id === selected}
          aria-controls={`panel-${view.id}`}
          tabIndex={view.id === selected ? 0 : -1}
          onClick={() => onSelect(view.id)}
          data-health={view.health.state}
        >
          <span class="tabs__mark" aria-hidden="true" />
          {view.info.tab}
          <span class="visually-hidden">, {HEALTH_WORD[view.health.state]}</span>
        </button>
      ))}
      {extra ? (
        <button
          type="button"
          role="tab"
          id={`tab-${extra.id}`}
          class="tabs__tab tabs__tab--extra"
          aria-selected={extra.id === selected}
          aria-controls={`panel-${extra.id}`}
          tabIndex={extra.id === selected ? 0 : -1}
          onClick={() => onSelect(extra.id)}
        >
          {extra.label}
        </button>
      ) : null}
    </div>
  );
}

import { useRef } from 'preact/hooks';
import type { SourceId } from '@/lib/sources/ids';
import type { SourceView } from '@/lib/models/sources';

const HEALTH_WORD = { waiting: 'waiting', ok: 'up to date', stale: 'stale', failing: 'failing' } as const;

export interface SourceTabsProps {
  views: readonly SourceView[];
  selected: SourceId;
  onSelect: (id: SourceId) => void;
}

/**
 * A tab per source, each with its health mark. The WAI-ARIA tabs pattern:
 * one tab in the Tab order, arrows/Home/End move between tabs and select them.
 */
export function SourceTabs({ views, selected, onSelect }: SourceTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const index = views.findIndex((view) => view.id === selected);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % views.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index - 1 + views.length) % views.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? views.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const id = views[next]!.id;
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
    </div>
  );
}

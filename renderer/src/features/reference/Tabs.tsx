import type { KeyboardEvent, ReactNode } from 'react';

interface Props<T extends string> {
  label: string;
  tabs: readonly { id: T; title: string }[];
  selected: T;
  onSelect(id: T): void;
  /** The selected tab's content. */
  children: ReactNode;
}

/**
 * The WAI-ARIA tabs pattern: one Tab stop for the list, arrows / Home / End move between tabs and show them,
 * Tab again goes into the panel.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: Props<T>) {
  const tabId = (id: T) => `ref-tab-${id}`;
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    const id = tabs[next]!.id;
    onSelect(id);
    document.getElementById(tabId(id))?.focus();
  };
  return (
    <div className="ref-tabs">
      <div role="tablist" aria-label={label} className="ref-tabs__list">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            className="ref-tabs__tab"
            aria-selected={tab.id === selected}
            // Only the shown panel exists, so only its tab points at it.
            aria-controls={tab.id === selected ? 'ref-tabpanel' : undefined}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={move}
          >
            {tab.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="ref-tabpanel" aria-labelledby={tabId(selected)} className="ref-tabs__panel" tabIndex={0}>
        {children}
      </div>
    </div>
  );
}

import { useId, useMemo, useRef, useState } from 'react';

export interface FilterComboboxProps {
  label: string;
  /** The value the filter holds now ('' for none). */
  value: string;
  /** The values to choose from (from the data). */
  options: readonly string[];
  /** Whether a value is offered for the typed text. */
  matches(option: string, text: string): boolean;
  onChange(value: string): void;
  /** Shown in the list when the typed text matches no value. */
  noOptions: string;
  /** Read out with the list: how many values match. */
  optionsCount(count: number): string;
}

/**
 * A filter chosen from the values in the data, following the ARIA combobox pattern (an input with a list
 * popup): typing narrows the list by partial text, ↓/↑ move through it, Enter or a click chooses, Escape
 * closes and restores the chosen value. Leaving the field keeps a value only if the text names exactly
 * one (or is empty, which clears the filter): a filter never holds text that is not a value.
 */
export function FilterCombobox({ label, value, options, matches, onChange, noOptions, optionsCount }: FilterComboboxProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [shownValue, setShownValue] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  // The filter changed from outside (a saved query, a reset): the field shows it.
  if (value !== shownValue) {
    setShownValue(value);
    setText(value);
  }
  const shown = useMemo(() => (text === value ? options : options.filter((o) => matches(o, text))), [options, text, value, matches]);

  const choose = (next: string) => {
    setText(next);
    setOpen(false);
    setActive(-1);
    if (next !== value) onChange(next);
  };

  /** What leaving the field or Enter without a highlighted value means for the typed text. */
  const settle = () => {
    const typed = text.trim();
    if (typed === '') return choose('');
    const exact = options.find((o) => o.toLocaleLowerCase('ru') === typed.toLocaleLowerCase('ru'));
    if (exact) return choose(exact);
    const found = options.filter((o) => matches(o, typed));
    if (found.length === 1) return choose(found[0]!);
    setText(value);
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="filter-combobox">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-o${active}` : undefined}
        autoComplete="off"
        maxLength={200}
        value={text}
        title={value || undefined}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={settle}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, shown.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (open && active >= 0 && shown[active] !== undefined) choose(shown[active]);
            else if (open && text.trim() !== '' && shown.length > 0 && text !== value) choose(shown[0]!);
            else settle();
          } else if (event.key === 'Escape') {
            if (open) event.preventDefault();
            setText(value);
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="filter-combobox__list" hidden={!open}>
        {open && shown.length === 0 ? <li className="filter-combobox__none" role="option" aria-selected={false} aria-disabled>{noOptions}</li> : null}
        {open
          ? shown.map((option, i) => (
              <li
                key={option}
                id={`${id}-o${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'filter-combobox__option filter-combobox__option--active' : 'filter-combobox__option'}
                title={option}
                // Chosen before the input's blur can settle the text otherwise.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
              >
                {option}
              </li>
            ))
          : null}
      </ul>
      <span className="filter-combobox__status" aria-live="polite">{open ? optionsCount(shown.length) : ''}</span>
    </div>
  );
}

import { useRef, type ReactNode } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IntakeDraft } from '../../../../shared/case/schema';
import { useFieldMessages } from './findings-context';

export type ListName = 'documents' | 'stays' | 'registrations' | 'employments';

interface Props<N extends ListName> {
  name: N;
  /** A blank item to append. */
  blank(): IntakeDraft[N][number];
  /** The field that gets focus when an item is added. */
  firstField: string;
  max: number;
  children(index: number): ReactNode;
}

/** One history list of the person (documents, entries, registrations, contracts): items with add and remove. */
export function ItemList<N extends ListName>({ name, blank, firstField, max, children }: Props<N>) {
  const { t } = useTranslation();
  const { control } = useFormContext<IntakeDraft>();
  // keyName: the items have an `id` of their own, which must stay theirs.
  const { fields, append, remove } = useFieldArray({ control, name: name as ListName, keyName: 'key' });
  const addButton = useRef<HTMLButtonElement>(null);
  const headingId = `intake-${name}`;
  return (
    <section className="intake-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`intake.sections.${name}`)}</h2>
      {fields.length === 0 ? <p className="muted">{t(`intake.${name}.none`)}</p> : null}
      {fields.map((item, index) => (
        <fieldset key={item.key} className="intake-item">
          <legend>{t(`intake.${name}.item`, { n: index + 1 })}</legend>
          {children(index)}
          <ItemMessages path={`${name}.${index}`} />
          <div className="intake-item__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                remove(index);
                addButton.current?.focus();
              }}
            >
              {t(`intake.${name}.remove`, { n: index + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      {fields.length < max ? (
        <button
          ref={addButton}
          type="button"
          className="button"
          onClick={() => append(blank() as never, { shouldFocus: true, focusName: `${name}.${fields.length}.${firstField}` })}
        >
          {t(`intake.${name}.add`)}
        </button>
      ) : null}
    </section>
  );
}

/** Findings about an item as a whole (e.g. a contract's registration gaps). */
function ItemMessages({ path }: { path: string }) {
  const { error, warning } = useFieldMessages(path);
  if (!error && !warning) return null;
  return (
    <div className="intake-item__messages">
      {error ? <div className="field__error">{error}</div> : null}
      {warning ? <div className="field__warning">{warning}</div> : null}
    </div>
  );
}

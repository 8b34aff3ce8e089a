import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeItem } from '../../data/cases/cases.repo';
import { AddItemDialog } from './AddItemDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { itemSummary, itemTitle, problemsOf, type DocumentLike, type Translate } from '../../ui/case/describe';
import { useCaseEditing, useSaverFor } from '../../ui/case/editing';
import { FieldGroup } from './FieldGroup';
import { editPath, formPath, ITEM_FIELDS, type ItemList } from '../../ui/case/fields';

interface Props {
  list: ItemList;
  items: readonly ({ id: string } & Record<string, unknown>)[];
  documents: readonly DocumentLike[];
}

/** One of the person's lists (documents, stays, registrations, contracts): a card per item, added and removed with confirmation. */
export function ItemsSection({ list, items, documents }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const editing = useCaseEditing();
  const saverFor = useSaverFor();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const headingId = `case-section-${list}`;
  // The page behind a modal is inert until the dialog is gone: focus after it has unmounted. The dialog gives
  // focus back to the button that opened it when that still exists; a removed item's button does not.
  const refocus = () =>
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) addButton.current?.focus();
    });

  return (
    <section className="case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`casePage.section.${list}`)}</h2>
      {items.length === 0 ? <p className="muted">{t(`casePage.none.${list}`)}</p> : null}
      <ul className="item-cards">
        {items.map((item, index) => {
          const title = itemTitle(tr, list, index);
          return (
            <li key={item.id} className="item-card">
              <div className="item-card__head">
                <h3>
                  {title}: <span className="item-card__summary">{itemSummary(tr, list, item)}</span>
                </h3>
                {editing ? (
                  <button type="button" className="button button--small button--danger" aria-label={t('casePage.remove.button', { item: title })} onClick={() => setRemoving(index)}>
                    {t('casePage.remove.label')}
                  </button>
                ) : null}
              </div>
              <FieldGroup
                descriptors={ITEM_FIELDS[list]}
                record={item}
                context={title}
                documents={documents}
                formPath={(key) => formPath.item(list, index, key)}
                saverFor={(key) => saverFor?.(editPath.item(list, index, key))}
              />
            </li>
          );
        })}
      </ul>
      {editing ? (
        <button ref={addButton} type="button" className="button" onClick={() => setAdding(true)}>
          {t(`casePage.add.${list}`)}
        </button>
      ) : null}
      {notice ? (
        <p className="status status--ok" role="status">
          {notice}
        </p>
      ) : null}
      {adding ? (
        <AddItemDialog
          list={list}
          index={items.length}
          documents={documents}
          onClose={(added) => {
            setAdding(false);
            if (added) setNotice(t('casePage.add.done'));
            refocus();
          }}
        />
      ) : null}
      {removing !== null && editing && items[removing] ? (
        <ConfirmDialog
          title={t('casePage.remove.title')}
          question={t('casePage.remove.question', { item: `${itemTitle(tr, list, removing)}: ${itemSummary(tr, list, items[removing])}` })}
          confirmLabel={t('casePage.remove.confirm')}
          onConfirm={async () => {
            const result = await removeItem(editing.caseId, list, removing, editing.actor);
            if (!result.ok) return problemsOf(tr, result).map((p) => p.text);
            setNotice(t('casePage.remove.done'));
          }}
          onClose={() => {
            setRemoving(null);
            refocus();
          }}
        />
      ) : null}
    </section>
  );
}

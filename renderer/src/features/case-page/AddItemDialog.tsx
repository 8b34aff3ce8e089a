import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyDocument, emptyEmployment, emptyRegistration, emptyStay } from '../../../../shared/case/schema';
import { Dialog } from '../../ui/Dialog';
import { addItem } from '../../data/cases/cases.repo';
import { optionsFor, pathLabel, problemsOf, type DocumentLike, type Problem, type Translate } from '../../ui/case/describe';
import { useCaseEditing } from '../../ui/case/editing';
import { FieldControl } from '../../ui/case/FieldControl';
import { fromEditorValue, toEditorValue, type EditorValue } from '../../ui/case/field-values';
import { formPath, ITEM_FIELDS, pathsRelated, type ItemList } from '../../ui/case/fields';
import { describeError } from '../../ui/error-text';
import { useDiscardGuard } from '../../ui/discard-guard';

const EMPTY: Record<ItemList, () => Record<string, unknown>> = {
  documents: () => emptyDocument(),
  stays: () => emptyStay(),
  registrations: () => emptyRegistration(),
  employments: () => emptyEmployment(),
};

interface Props {
  list: ItemList;
  /** Where the new item will stand: the list's current length. */
  index: number;
  documents: readonly DocumentLike[];
  onClose(added: boolean): void;
}

/** A new document, stay, registration or contract, with the same fields and checks as editing one. */
export function AddItemDialog({ list, index, documents, onClose }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const editing = useCaseEditing();
  const descriptors = ITEM_FIELDS[list];
  const [blank] = useState(EMPTY[list]);
  const [initial] = useState<Record<string, EditorValue>>(() => Object.fromEntries(descriptors.map((d) => [d.key, toEditorValue(d.kind, blank[d.key])])));
  const [draft, setDraft] = useState(initial);
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const pathOf = (key: string) => formPath.item(list, index, key);
  // Typed input (or text a date box could not read) is asked about before the dialog closes without it.
  const guard = useDiscardGuard(unreadable.size > 0 || JSON.stringify(draft) !== JSON.stringify(initial), () => onClose(false));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || busy) return;
    const item: Record<string, unknown> = { ...blank };
    const local: Problem[] = [];
    for (const d of descriptors) {
      const parsed = unreadable.has(d.key) ? ({ ok: false, code: 'invalid_format' } as const) : fromEditorValue(d.kind, draft[d.key]!);
      if (parsed.ok) item[d.key] = parsed.value;
      else local.push({ path: pathOf(d.key), text: t(`validation.${parsed.code}`) });
    }
    if (local.length > 0) {
      setProblems(local);
      return;
    }
    setBusy(true);
    try {
      const result = await addItem(editing.caseId, list, item, editing.actor);
      if (result.ok) {
        onClose(true);
        return;
      }
      // An unmade choice is null, which the schema reports as a wrong type; to the user it is a missing answer.
      const issues = result.issues.map((issue) => {
        const key = issue.path.slice(`${list}.${index}.`.length);
        return issue.code === 'invalid_type' && issue.path.startsWith(`${list}.${index}.`) && item[key] === null ? { ...issue, code: 'required' as const } : issue;
      });
      setProblems(problemsOf(tr, { issues, errors: result.errors }));
    } catch (error) {
      setProblems([{ path: '', text: describeError(t, error) }]);
    } finally {
      setBusy(false);
    }
  };

  const atField = (key: string) => problems.filter((p) => p.path === pathOf(key) || (p.path.startsWith(`${pathOf(key)}.`)));
  const elsewhere = problems.filter((p) => !descriptors.some((d) => atField(d.key).includes(p)));

  return (
    <Dialog open title={t(`casePage.add.${list}`)} onClose={guard.request}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {elsewhere.length > 0 ? (
          <div className="errors" role="alert">
            {elsewhere.map((p) => (
              <p key={`${p.path}${p.text}`}>{p.path && !pathsRelated(p.path, `${list}.${index}`) ? `${pathLabel(tr, p.path)}: ${p.text}` : p.text}</p>
            ))}
          </div>
        ) : null}
        <div className="grid">
          {descriptors.map((d, i) => (
            <FieldControl
              key={d.key}
              descriptor={d}
              label={t(d.label)}
              value={draft[d.key]!}
              options={optionsFor(tr, d, documents)}
              error={
                atField(d.key)
                  .map((p) => p.text)
                  .join(' ') || undefined
              }
              autoFocus={i === 0}
              onChange={(value) => setDraft((current) => ({ ...current, [d.key]: value }))}
              onUnreadable={(flag) =>
                setUnreadable((current) => {
                  const next = new Set(current);
                  if (flag) next.add(d.key);
                  else next.delete(d.key);
                  return next;
                })
              }
            />
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('casePage.add.submit')}
          </button>
          <button type="button" className="button" onClick={guard.request}>
            {t('casePage.edit.cancel')}
          </button>
        </div>
      </form>
      {guard.dialog}
    </Dialog>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newArgumentId } from '../../../../../shared/reference/versioning';
import { ARGUMENT_FIELDS, REFERENCE_LIMITS, type ErrorCause, type ReferenceBundle } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { localized } from '../../../ui/reference-display';
import { causeWithArguments, draftOf, type ArgumentDraft } from '../argument-drafts';
import { Select, TextArea } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  cause: ErrorCause;
  bundle: ReferenceBundle;
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

const FIELD_LIST = ARGUMENT_FIELDS.filter((f) => !f.startsWith('law.'))
  .map((f) => `{{${f}}}`)
  .join(', ');

/**
 * What letters may say about a cause: its paragraphs, each with the evidence it needs and the law it relies on.
 * Saving stores a new reference version; each changed paragraph gets its own new version, which the documents
 * generated from it record.
 */
export function ArgumentsForm({ cause, bundle, actor, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [drafts, setDrafts] = useState<ArgumentDraft[]>(() => (cause.arguments ?? []).map(draftOf));
  const { state, save, errorAt } = useRowSave('causes', actor, (message) => {
    onSaved(message);
    onClose();
  });
  const evidence = new Map(bundle.evidence.map((e) => [e.id, e]));
  const update = (index: number, patch: Partial<ArgumentDraft>) => setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const add = () => setDrafts((list) => [...list, { id: newArgumentId(cause.id, list), version: 0, text: '', checkText: '', evidence: [], legalRef: '' }]);
  const remove = (index: number) => setDrafts((list) => list.filter((_, i) => i !== index));

  return (
    <EditDialog
      title={t('reference.argument.formTitle', { id: cause.id, title: localized(cause.title, i18n.language) })}
      state={state}
      onSubmit={() => void save(cause.id, causeWithArguments(cause, drafts))}
      onClose={onClose}
    >
      <p className="muted">{t('reference.argument.intro')}</p>
      {drafts.length === 0 ? <p>{t('reference.argument.none')}</p> : null}
      {drafts.map((d, i) => {
        const at = (field: string) => `arguments.${i}.${field}`;
        const n = i + 1;
        return (
          <fieldset key={d.id} className="ref-argument">
            <legend>{d.version > 0 ? t('reference.argument.item', { n, id: d.id, version: d.version }) : t('reference.argument.newItem', { n })}</legend>
            <TextArea
              label={t('reference.argument.text')}
              hint={t('reference.argument.textHint', { fields: FIELD_LIST })}
              required
              lang="ru"
              rows={4}
              maxLength={REFERENCE_LIMITS.text}
              value={d.text}
              onValue={(text) => update(i, { text })}
              error={errorAt(at('text'), { invalid_value: 'reference.argument.lawNeedsRef' })}
            />
            <fieldset className="ref-argument__evidence" aria-describedby={errorAt(at('evidence')) ? `${d.id}-evidence-error` : undefined}>
              <legend>{t('reference.argument.evidence')}</legend>
              {cause.checklist.map((id) => (
                <label key={id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={d.evidence.includes(id)}
                    onChange={(event) => update(i, { evidence: event.target.checked ? [...d.evidence, id] : d.evidence.filter((e) => e !== id) })}
                  />{' '}
                  {evidence.get(id) ? localized(evidence.get(id)!.label, i18n.language) : id}
                </label>
              ))}
              {errorAt(at('evidence')) ? (
                <div id={`${d.id}-evidence-error`} className="field__error">
                  {errorAt(at('evidence'), { too_short: 'reference.argument.evidenceRequired', required: 'reference.argument.evidenceRequired' })}
                </div>
              ) : null}
            </fieldset>
            <Select label={t('reference.argument.legalRef')} value={d.legalRef} onValue={(legalRef) => update(i, { legalRef })} error={errorAt(at('legalRef'))}>
              <option value="">{t('reference.argument.noLegalRef')}</option>
              {bundle.legalRefs.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.article ? `${r.article} ` : ''}${r.act} — ${t(`reference.verificationOption.${r.verification}`)}`}
                </option>
              ))}
            </Select>
            <TextArea
              label={t('reference.argument.checkText')}
              hint={t('reference.argument.checkHint')}
              lang="ru"
              rows={3}
              maxLength={REFERENCE_LIMITS.text}
              value={d.checkText}
              onValue={(checkText) => update(i, { checkText })}
              error={errorAt(at('checkText'), { invalid_value: 'reference.argument.checkForm' })}
            />
            <button type="button" className="button button--small" onClick={() => remove(i)}>
              {t('reference.argument.remove', { n })}
            </button>
          </fieldset>
        );
      })}
      <p>
        <button type="button" className="button" onClick={add}>
          {t('reference.argument.add')}
        </button>
      </p>
    </EditDialog>
  );
}

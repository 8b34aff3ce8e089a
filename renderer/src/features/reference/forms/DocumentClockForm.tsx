import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SENT_REGIMES, type SentRegime } from '../../../../../shared/deadlines/settings';
import { REFERENCE_LIMITS, type DocumentClock, type ReferenceBundle, type Verification } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { optional } from '../row-edit';
import { Select, TextArea, VerificationSelect } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  row: DocumentClock;
  bundle: ReferenceBundle;
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

/** The clock one outgoing kind starts, its legal basis (a legal term only) and how sure we are of it. */
export function DocumentClockForm({ row, bundle, actor, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [regime, setRegime] = useState<SentRegime>(row.regime);
  const [legalRef, setLegalRef] = useState(row.legalRef ?? '');
  const [verification, setVerification] = useState<Verification>(row.verification);
  const [note, setNote] = useState(row.note ?? '');
  const { state, save, errorAt } = useRowSave('documentClocks', actor, (message) => {
    onSaved(message);
    onClose();
  });
  return (
    <EditDialog
      title={t('reference.clock.formTitle', { name: t(`reference.clock.kind.${row.id}`) })}
      state={state}
      // Only a legal term has a legal basis: another regime drops it rather than keep a stale one.
      onSubmit={() => void save(row.id, { ...row, regime, legalRef: regime === 'appeal' && legalRef !== '' ? legalRef : null, verification, note: optional(note) })}
      onClose={onClose}
    >
      <Select label={t('reference.clock.starts')} value={regime} onValue={(v) => setRegime(v as SentRegime)} error={errorAt('regime')}>
        {SENT_REGIMES.map((r) => (
          <option key={r} value={r}>
            {t(`reference.clock.regime.${r}`)}
          </option>
        ))}
      </Select>
      {regime === 'appeal' ? (
        <Select label={t('reference.columns.basis')} value={legalRef} onValue={setLegalRef} error={errorAt('legalRef')}>
          <option value="">{t('reference.none')}</option>
          {bundle.legalRefs.map((r) => (
            <option key={r.id} value={r.id}>
              {`${r.article ? `${r.article} ` : ''}${r.act}`}
            </option>
          ))}
        </Select>
      ) : null}
      <VerificationSelect label={t('reference.legal.verification')} hint={t('reference.clock.verificationHint')} value={verification} onValue={setVerification} error={errorAt('verification')} />
      <TextArea label={t('reference.legal.note')} rows={3} maxLength={REFERENCE_LIMITS.note} value={note} onValue={setNote} error={errorAt('note')} />
    </EditDialog>
  );
}

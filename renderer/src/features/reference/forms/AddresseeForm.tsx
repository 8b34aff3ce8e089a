import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERENCE_LIMITS, type Addressee, type Verification } from '../../../../../shared/reference/schema';
import type { Actor } from '../../../data/cases/cases.repo';
import { localTodayIso } from '../../../lib/date-time';
import { optional } from '../row-edit';
import { DateField } from '../../../ui/DateField';
import { TextArea, TextInput, VerificationSelect } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  addressee: Addressee;
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

/** What a senior caseworker corrects in an addressee: its name and letter lines, address, and how sure we are. */
export function AddresseeForm({ addressee, actor, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [nameRu, setNameRu] = useState(addressee.nameRu);
  const [addresseeRu, setAddresseeRu] = useState(addressee.addresseeRu);
  const [salutation, setSalutation] = useState(addressee.salutation);
  const [address, setAddress] = useState(addressee.address);
  const [addressVerification, setAddressVerification] = useState<Verification>(addressee.addressVerification);
  const [verification, setVerification] = useState<Verification>(addressee.verification);
  const [verifiedOn, setVerifiedOn] = useState(addressee.verifiedOn ?? '');
  const [badDate, setBadDate] = useState(false);
  const [note, setNote] = useState(addressee.note ?? '');
  const { state, save, errorAt, refuse } = useRowSave('addressees', actor, (message) => {
    onSaved(message);
    onClose();
  });

  const edited = { nameRu, addresseeRu, salutation, address, addressVerification, verification, verifiedOn, note };
  const original = { ...addressee, verifiedOn: addressee.verifiedOn ?? '', note: addressee.note ?? '' };
  const dirty = badDate || (Object.keys(edited) as (keyof typeof edited)[]).some((key) => edited[key] !== original[key]);

  const submit = () => {
    if (badDate) return refuse();
    void save(addressee.id, {
      ...addressee,
      nameRu,
      addresseeRu,
      salutation,
      address,
      addressVerification,
      verification,
      verifiedOn: verifiedOn === '' ? null : verifiedOn,
      note: optional(note),
    });
  };

  return (
    <EditDialog title={t('reference.addressee.formTitle', { name: addressee.nameRu })} state={state} dirty={dirty} onSubmit={submit} onClose={onClose}>
      <TextInput label={t('reference.addressee.nameRu')} required maxLength={REFERENCE_LIMITS.title} value={nameRu} onValue={setNameRu} error={errorAt('nameRu')} className="field--wide" />
      <TextInput label={t('reference.addressee.addresseeRu')} required maxLength={REFERENCE_LIMITS.title} value={addresseeRu} onValue={setAddresseeRu} error={errorAt('addresseeRu')} className="field--wide" />
      <TextInput label={t('reference.addressee.salutation')} required maxLength={REFERENCE_LIMITS.salutation} value={salutation} onValue={setSalutation} error={errorAt('salutation')} className="field--wide" />
      <TextInput
        label={t('reference.addressee.address')}
        hint={t('reference.addressee.addressHint')}
        maxLength={REFERENCE_LIMITS.address}
        value={address}
        onValue={setAddress}
        error={errorAt('address')}
        className="field--wide"
      />
      <VerificationSelect
        label={t('reference.addressee.addressVerification')}
        value={addressVerification}
        onValue={setAddressVerification}
        error={errorAt('addressVerification', { invalid_value: 'reference.issue.emptyAddressIsGap' })}
      />
      <VerificationSelect label={t('reference.addressee.verification')} value={verification} onValue={setVerification} error={errorAt('verification')} />
      <div className="ref-form__row">
        <DateField
          label={t('reference.addressee.verifiedOn')}
          hint={t('reference.addressee.verifiedOnHint')}
          value={verifiedOn}
          onChange={setVerifiedOn}
          onReadable={(readable) => setBadDate(!readable)}
          error={badDate ? t('validation.invalid_format') : errorAt('verifiedOn', { invalid_value: 'reference.issue.verifiedOnNeedsVerified' })}
        />
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setVerification('verified');
            setVerifiedOn(localTodayIso());
            setBadDate(false);
          }}
        >
          {t('reference.addressee.markVerified')}
        </button>
      </div>
      <TextArea label={t('reference.addressee.note')} rows={3} maxLength={REFERENCE_LIMITS.note} value={note} onValue={setNote} error={errorAt('note')} />
    </EditDialog>
  );
}

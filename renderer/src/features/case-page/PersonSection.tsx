import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../data/schema';
import { updateField } from '../../data/cases/cases.repo';
import { ConfirmDialog } from './ConfirmDialog';
import { problemsOf, type Translate } from '../../ui/case/describe';
import { useCaseEditing, useSaverFor } from '../../ui/case/editing';
import { FieldGroup } from './FieldGroup';
import type { Saver } from '../../ui/case/InlineField';
import { editPath, EMPTY_REPRESENTATIVE, formPath, NAME_FIELDS, PERSON_FIELDS, REPRESENTATIVE_FIELDS } from '../../ui/case/fields';

/** The person: names in three scripts, identity and contact data, and a representative if there is one. */
export function PersonSection({ person }: { person: PersonRow }) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  const editing = useCaseEditing();
  const saverFor = useSaverFor();
  const [removing, setRemoving] = useState(false);
  const personSaver = (key: string) => saverFor?.(editPath.person(key));

  // Without a representative there is no object to set a field in: the first field typed creates it.
  const representativeSaver = (key: string): Saver | undefined => {
    if (!saverFor) return undefined;
    if (person.representative) return saverFor(editPath.person(key));
    const field = key.slice('representative.'.length);
    return (value) => saverFor(editPath.person('representative'))({ ...EMPTY_REPRESENTATIVE, [field]: value });
  };

  return (
    <section className="case-section" aria-labelledby="case-section-person">
      <h2 id="case-section-person">{t('casePage.section.person')}</h2>
      <h3>{t('casePage.section.names')}</h3>
      <FieldGroup className="inline-grid--names" descriptors={NAME_FIELDS} record={person} formPath={formPath.person} saverFor={personSaver} />
      <h3>{t('casePage.section.personData')}</h3>
      <FieldGroup descriptors={PERSON_FIELDS} record={person} formPath={formPath.person} saverFor={personSaver} />
      <h3>{t('casePage.section.representative')}</h3>
      {person.representative ? null : <p className="muted">{t('casePage.none.representative')}</p>}
      <FieldGroup
        descriptors={REPRESENTATIVE_FIELDS}
        record={person}
        formPath={formPath.person}
        saverFor={representativeSaver}
        context={t('casePage.section.representative')}
      />
      {editing && person.representative ? (
        <button type="button" className="button button--small button--danger" onClick={() => setRemoving(true)}>
          {t('casePage.remove.representative')}
        </button>
      ) : null}
      {removing && editing ? (
        <ConfirmDialog
          title={t('casePage.remove.title')}
          question={t('casePage.remove.question', { item: `${t('casePage.section.representative')}: ${person.representative?.name ?? ''}` })}
          confirmLabel={t('casePage.remove.confirm')}
          onConfirm={async () => {
            const result = await updateField(editing.caseId, editPath.person('representative'), undefined, editing.actor);
            if (!result.ok) return problemsOf(tr, result).map((p) => p.text);
          }}
          onClose={() => setRemoving(false)}
        />
      ) : null}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { optionsFor, type DocumentLike, type Translate } from '../../ui/case/describe';
import { InlineField, type Saver } from '../../ui/case/InlineField';
import { valueAt, type FieldDescriptor } from '../../ui/case/fields';

interface Props {
  descriptors: readonly FieldDescriptor[];
  /** The record the keys are read from. */
  record: unknown;
  formPath(key: string): string;
  /** The saver of one field, or undefined when it cannot be edited. */
  saverFor(key: string): Saver | undefined;
  context?: string;
  documents?: readonly DocumentLike[];
  className?: string;
}

/** A set of fields of one record, each edited in place. */
export function FieldGroup({ descriptors, record, formPath, saverFor, context, documents = [], className }: Props) {
  const { t } = useTranslation();
  const tr: Translate = (key, params) => t(key, params);
  return (
    <div className={['inline-grid', className ?? ''].filter(Boolean).join(' ')}>
      {descriptors.map((descriptor) => (
        <InlineField
          key={descriptor.key}
          descriptor={descriptor}
          value={valueAt(record, descriptor.key)}
          formPath={formPath(descriptor.key)}
          save={saverFor(descriptor.key)}
          context={context}
          options={optionsFor(tr, descriptor, documents)}
          documents={documents}
        />
      ))}
    </div>
  );
}

import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useController, useFormContext, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { intakeFormSchema, type IntakeDraft } from '../../../../shared/case/schema';
import { maxLengthAt } from '../../../../shared/validation/max-length';
import { DateInput, parseRuDate } from '../../ui/DateInput';
import { FieldShell } from '../../ui/FieldShell';
import { useFieldMessages, useReportDateText, type BadDate } from './findings-context';
import { partialDateFromText, partialDateToText, type PartialDateText } from './partial-date';

/**
 * Form controls bound to the intake form by path. Each carries `data-field` with its path, so the error
 * summary can focus it, and shows the errors and warnings found at that path. Text stops at the schema's
 * limit as it is typed (maxLength read from the intake schema), rather than being refused on save.
 */

export type IntakePath = FieldPath<IntakeDraft>;

interface BaseProps {
  name: IntakePath;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

/** Moves focus to the control of a path, or the nearest one above or below it in the form. */
export function focusField(path: string): void {
  let current = path;
  for (;;) {
    const escaped = CSS.escape(current);
    const target = document.querySelector<HTMLElement>(`[data-field="${escaped}"]`) ?? document.querySelector<HTMLElement>(`[data-field^="${escaped}."]`);
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
      return;
    }
    const cut = current.lastIndexOf('.');
    if (cut === -1) return;
    current = current.slice(0, cut);
  }
}

type TextProps = BaseProps & Pick<InputHTMLAttributes<HTMLInputElement>, 'lang' | 'list' | 'inputMode' | 'autoComplete' | 'type' | 'spellCheck'> & {
  /** Applied to the typed text before it becomes the form value (e.g. upper-case country codes). */
  setValueAs?: (text: string) => unknown;
  /** Rewrites the value when the field is left (e.g. ПИН without spaces). */
  normalizeOnBlur?: (text: string) => string;
};

export function TextInput({ name, label, hint, required, className, setValueAs, normalizeOnBlur, ...input }: TextProps) {
  const { register, setValue } = useFormContext<IntakeDraft>();
  const { error, warning } = useFieldMessages(name);
  const registered = register(name, {
    ...(setValueAs ? { setValueAs } : {}),
    ...(normalizeOnBlur
      ? {
          onBlur: (event: { target: { value: string } }) => {
            const next = normalizeOnBlur(event.target.value);
            if (next !== event.target.value) setValue(name, next as never, { shouldDirty: true });
          },
        }
      : {}),
  });
  return (
    <FieldShell label={label} hint={hint} error={error} warning={warning} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <input id={id} data-field={name} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined} maxLength={maxLengthAt(intakeFormSchema, name)} {...input} {...registered} />
      )}
    </FieldShell>
  );
}

export function TextArea({ name, label, hint, required, className }: BaseProps) {
  const { register } = useFormContext<IntakeDraft>();
  const { error, warning } = useFieldMessages(name);
  return (
    <FieldShell label={label} hint={hint} error={error} warning={warning} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} rows={3} data-field={name} aria-describedby={describedBy} aria-invalid={invalid || undefined} maxLength={maxLengthAt(intakeFormSchema, name)} {...register(name)} />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

/**
 * A choice. `empty` is what "not chosen" stores: null for a required choice (the schema reports it),
 * '' where the schema accepts "unknown", or false when there is always a value.
 */
export function SelectInput({ name, label, hint, required, className, options, empty }: BaseProps & { options: Option[]; empty: null | '' | false }) {
  const { t } = useTranslation();
  const { register } = useFormContext<IntakeDraft>();
  const { error, warning } = useFieldMessages(name);
  return (
    <FieldShell label={label} hint={hint} error={error} warning={warning} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          data-field={name}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          {...register(name, empty === null ? { setValueAs: (v: string) => (v === '' ? null : v) } : {})}
        >
          {empty === false ? null : <option value="">{t('intake.choose')}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxInput({ name, label }: { name: IntakePath; label: string }) {
  const { register } = useFormContext<IntakeDraft>();
  return (
    <label className="intake-check">
      <input type="checkbox" data-field={name} {...register(name)} />
      <span>{label}</span>
    </label>
  );
}

/** A дд.мм.гггг date. Text that is not a real date blocks saving and is never replaced by an old value. */
export function DateField({ name, label, hint, required, className }: BaseProps) {
  const { control } = useFormContext<IntakeDraft>();
  const { field } = useController({ control, name });
  const { error, warning } = useFieldMessages(name);
  const report = useReportDateText();
  const [bad, setBad] = useState<BadDate | null>(null);
  useEffect(() => {
    report(name, bad && { ...bad });
    return () => report(name, null);
  }, [name, bad, report]);
  return (
    <FieldShell label={label} hint={hint} error={error} warning={warning} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <DateInput
          id={id}
          ref={field.ref}
          data-field={name}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          value={(field.value as string | null | undefined) ?? ''}
          onChange={(iso) => {
            setBad(null);
            field.onChange(iso);
          }}
          onInput={(event) => {
            const text = event.currentTarget.value;
            if (text.trim() === '' || parseRuDate(text) !== null) return;
            setBad((current) => ({ text, committed: current?.committed ?? false }));
            // The box no longer says the old date, so the form must not keep it either.
            if (field.value) field.onChange('');
          }}
          onInvalid={(text) => setBad({ text, committed: true })}
          onBlur={field.onBlur}
        />
      )}
    </FieldShell>
  );
}

interface ListProps {
  name: 'person.phones' | 'person.otherSpellings';
  legend: string;
  itemLabel(n: number): string;
  addLabel: string;
  removeLabel(n: number): string;
  max: number;
  inputType?: InputHTMLAttributes<HTMLInputElement>['type'];
}

/** A list of short texts (phones, other spellings) with add and remove. */
export function StringListField({ name, legend, itemLabel, addLabel, removeLabel, max, inputType = 'text' }: ListProps) {
  const { control } = useFormContext<IntakeDraft>();
  const { field } = useController({ control, name });
  const list = field.value;
  const focusItem = (index: number) => requestAnimationFrame(() => focusField(`${name}.${index}`));
  return (
    <fieldset className="intake-list">
      <legend>{legend}</legend>
      {list.map((value, index) => (
        <ListItem
          key={index}
          path={`${name}.${index}`}
          label={itemLabel(index + 1)}
          removeLabel={removeLabel(index + 1)}
          value={value}
          inputType={inputType}
          onChange={(next) => field.onChange(list.map((v, i) => (i === index ? next : v)))}
          onRemove={() => {
            field.onChange(list.filter((_, i) => i !== index));
            if (list.length > 1) focusItem(Math.min(index, list.length - 2));
          }}
        />
      ))}
      {list.length < max ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            field.onChange([...list, '']);
            focusItem(list.length);
          }}
        >
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}

function ListItem(props: { path: string; label: string; removeLabel: string; value: string; inputType: string; onChange(v: string): void; onRemove(): void }) {
  const { error, warning } = useFieldMessages(props.path);
  return (
    <div className="intake-list__item">
      <FieldShell label={props.label} error={error} warning={warning}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type={props.inputType}
            data-field={props.path}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )}
      </FieldShell>
      <button type="button" className="button button--small" onClick={props.onRemove}>
        {props.removeLabel}
      </button>
    </div>
  );
}

/** Day, month and year boxes: a full date, month and year, or the year alone. */
export function BirthDateField() {
  const { t } = useTranslation();
  const { control } = useFormContext<IntakeDraft>();
  const { field } = useController({ control, name: 'person.birthDate' });
  const { error, warning } = useFieldMessages('person.birthDate', true);
  // The boxes keep what was typed ("05"); the form value is the numbers.
  const [text, setText] = useState<PartialDateText>(() => partialDateToText(field.value));
  const update = (part: keyof PartialDateText, raw: string) => {
    const next = { ...text, [part]: raw.replace(/\D/g, '') };
    setText(next);
    field.onChange(partialDateFromText(next));
  };
  const describedBy = ['intake-birth-hint', error ? 'intake-birth-error' : '', warning ? 'intake-birth-warning' : ''].filter(Boolean).join(' ');
  const box = (part: keyof PartialDateText, label: string, size: number) => (
    <label className="intake-date-part">
      <span>{label}</span>
      <input
        ref={part === 'day' ? field.ref : undefined}
        data-field={part === 'day' ? 'person.birthDate' : `person.birthDate.${part}`}
        inputMode="numeric"
        autoComplete="off"
        maxLength={size}
        size={size + 1}
        value={text[part]}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => update(part, event.target.value)}
        onBlur={field.onBlur}
      />
    </label>
  );
  return (
    <fieldset className={['intake-birth', error ? 'field--invalid' : '', warning ? 'field--warning' : ''].filter(Boolean).join(' ')}>
      <legend>
        {t('intake.person.birthDate')}
        <span className="field__required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="intake-birth__boxes">
        {box('day', t('intake.person.birthDay'), 2)}
        {box('month', t('intake.person.birthMonth'), 2)}
        {box('year', t('intake.person.birthYear'), 4)}
      </div>
      <div id="intake-birth-hint" className="field__hint">
        {t('intake.person.birthDateHint')}
      </div>
      {error ? (
        <div id="intake-birth-error" className="field__error">
          {error}
        </div>
      ) : null}
      {warning ? (
        <div id="intake-birth-warning" className="field__warning">
          {warning}
        </div>
      ) : null}
    </fieldset>
  );
}

/** Several codes chosen with checkboxes, stored as a list in the order of the options. */
export function CheckboxGroup({ name, legend, options }: { name: 'case.impacts'; legend: string; options: Option[] }) {
  const { control } = useFormContext<IntakeDraft>();
  const { field } = useController({ control, name });
  const { error } = useFieldMessages(name, true);
  const chosen = new Set<string>(field.value);
  return (
    <fieldset className="intake-checks">
      <legend>{legend}</legend>
      {options.map((o, index) => (
        <label key={o.value} className="intake-check">
          <input
            type="checkbox"
            data-field={index === 0 ? name : `${name}.${index}`}
            checked={chosen.has(o.value)}
            onChange={(event) => {
              const next = new Set(chosen);
              if (event.target.checked) next.add(o.value);
              else next.delete(o.value);
              field.onChange(options.map((x) => x.value).filter((v) => next.has(v)));
            }}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {error ? <div className="field__error">{error}</div> : null}
    </fieldset>
  );
}

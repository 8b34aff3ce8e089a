import type { KeyboardEventHandler, Ref } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateInput } from './DateInput';
import { FieldShell, type FieldMessage } from './FieldShell';

interface Props {
  label: string;
  hint?: string;
  error?: FieldMessage | string | undefined;
  required?: boolean;
  autoFocus?: boolean;
  className?: string;
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
  /** For reading the text as typed at the moment of a click (the value updates only once it is a date). */
  inputRef?: Ref<HTMLInputElement>;
  /** ISO date, or '' when empty. */
  value: string;
  onChange(iso: string): void;
  /**
   * Whether what is typed reads as a date: false while it does not (the value then stays as it was), so the
   * form can say «not a date» instead of quietly saving the old value.
   */
  onReadable?(readable: boolean): void;
}

/** A date field of a form (дд.мм.гггг), labelled and wired for screen readers like every other field. */
export function DateField({ label, hint, error, required, autoFocus, className, onKeyDown, inputRef, value, onChange, onReadable }: Props) {
  return (
    <FieldShell label={label} hint={hint} error={error} required={required} className={className}>
      {({ id, describedBy, invalid }) => (
        <DateInput
          ref={inputRef}
          id={id}
          onKeyDown={onKeyDown}
          autoFocus={autoFocus}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          value={value}
          onChange={(iso) => {
            onChange(iso);
            onReadable?.(true);
          }}
          onInvalid={() => onReadable?.(false)}
        />
      )}
    </FieldShell>
  );
}

type ControlledProps<T extends FieldValues> = Omit<Props, 'value' | 'onChange' | 'inputRef'> & { control: Control<T>; name: FieldPath<T> };

/** The same field bound to a react-hook-form value (an ISO date or ''). */
export function ControlledDateField<T extends FieldValues>({ control, name, ...props }: ControlledProps<T>) {
  const { field } = useController({ control, name });
  return <DateField {...props} inputRef={field.ref} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} />;
}

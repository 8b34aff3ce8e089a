import { useState } from 'react';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * Date boxes of a react-hook-form whose text is not a date. Their value keeps the last real date (DateInput reports
 * only dates), so saving must stop and say so at the box instead of quietly storing the old date.
 */
export function useUnreadableDates<T extends FieldValues>(form: Pick<UseFormReturn<T>, 'clearErrors' | 'setError'>) {
  const [unreadable, setUnreadable] = useState<ReadonlySet<FieldPath<T>>>(new Set());
  /** The `onReadable` of the date box at `name`. */
  const readable = (name: FieldPath<T>) => (ok: boolean) => {
    if (ok) form.clearErrors(name);
    setUnreadable((current) => {
      const next = new Set(current);
      if (ok) next.delete(name);
      else next.add(name);
      return next;
    });
  };
  /** Marks every box that is not a date; true when saving must not go on. */
  const refuse = (): boolean => {
    for (const name of unreadable) form.setError(name, { type: 'invalid_format', message: '' });
    return unreadable.size > 0;
  };
  return { readable, refuse };
}

import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { messagesAt, renderMessage, type IntakeFindings } from './findings';

/** Text in a date box that is not a real date. */
export interface BadDate {
  text: string;
  /** The box was left (or saving tried): show the message. Until then it only blocks saving. */
  committed: boolean;
}

export interface FindingsContextValue {
  findings: IntakeFindings;
  /** A date box reports text that is not a real date; null when it is fine again or goes away. */
  reportDateText(path: string, bad: BadDate | null): void;
}

export const FindingsContext = createContext<FindingsContextValue | null>(null);

function useFindingsContext(): FindingsContextValue {
  const value = useContext(FindingsContext);
  if (!value) throw new Error('intake fields need a FindingsContext');
  return value;
}

/** The translated error and warning texts at a path, joined for one field. */
export function useFieldMessages(path: string, nested = false): { error: string | undefined; warning: string | undefined } {
  const { t } = useTranslation();
  const { errors, warnings } = messagesAt(useFindingsContext().findings, path, nested);
  const join = (list: typeof errors) => (list.length === 0 ? undefined : list.map((m) => renderMessage(t, m)).join('; '));
  return { error: join(errors), warning: join(warnings) };
}

export function useReportDateText(): FindingsContextValue['reportDateText'] {
  return useFindingsContext().reportDateText;
}

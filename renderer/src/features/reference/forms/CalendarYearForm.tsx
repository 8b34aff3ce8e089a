import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../../shared/case/dates';
import { REFERENCE_LIMITS, TRANSFER_BASES, type CalendarYear, type DayTransfer, type LegalRef, type Verification } from '../../../../../shared/reference/schema';
import { parseRuDate } from '../../../ui/DateInput';
import type { Actor } from '../../../data/cases/cases.repo';
import { addDay, addTransfer, holidayProblem, transferProblems, weekdayOf, type DayProblem } from '../calendar-edit';
import { optional } from '../row-edit';
import { DateField } from '../../../ui/DateField';
import { Select, TextArea, VerificationSelect } from './controls';
import { EditDialog } from './EditDialog';
import { useRowSave } from './use-row-save';

interface Props {
  /** The year as stored; for a year being added, the prepared new entry. */
  entry: CalendarYear;
  isNew: boolean;
  legalRefs: readonly LegalRef[];
  actor: Actor;
  onSaved(message: string): void;
  onClose(): void;
}

type Basis = DayTransfer['basis'];

/** One year of the production calendar: its holidays, its moved days off, and how sure we are of them. */
export function CalendarYearForm({ entry, isNew, legalRefs, actor, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const year = entry.year;
  const [holidays, setHolidays] = useState<string[]>(entry.holidays);
  const [transfers, setTransfers] = useState<DayTransfer[]>(entry.transfers);
  const [verification, setVerification] = useState<Verification>(entry.verification);
  const [legalRef, setLegalRef] = useState(entry.legalRef ?? '');
  const [note, setNote] = useState(entry.note ?? '');

  const [holiday, setHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<DayProblem | null>(null);
  const holidayInput = useRef<HTMLInputElement>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [basis, setBasis] = useState<Basis>('decree');
  const [transferError, setTransferError] = useState<{ from: DayProblem | null; to: DayProblem | null }>({ from: null, to: null });
  const fromInput = useRef<HTMLInputElement>(null);
  const toInput = useRef<HTMLInputElement>(null);

  const { state, save, errorAt } = useRowSave('calendar', actor, (message) => {
    onSaved(message);
    onClose();
  });

  const day = (iso: string) => t('reference.calendar.day', { date: formatDate(iso), weekday: t(`reference.calendar.weekday.d${weekdayOf(iso)}`) });
  const problemText = (problem: DayProblem | null) => (problem ? t(`reference.calendar.problem.${problem}`, { year }) : undefined);
  // What is in the box now, even while it is not yet a date (DateInput reports a value only once it is one).
  const typed = (input: HTMLInputElement | null): string | null => (input && input.value.trim() !== '' ? parseRuDate(input.value) : null);

  const addHoliday = () => {
    const iso = typed(holidayInput.current);
    const problem = holidayProblem(year, iso, holidays, transfers);
    setHolidayError(problem);
    if (problem) return;
    setHolidays(addDay(holidays, iso!));
    setHoliday('');
  };

  const addMove = () => {
    const fromIso = typed(fromInput.current);
    const toIso = typed(toInput.current);
    const problems = transferProblems(year, fromIso, toIso, holidays, transfers);
    setTransferError(problems);
    if (problems.from || problems.to) return;
    setTransfers(addTransfer(transfers, { from: fromIso!, to: toIso!, basis }));
    setFrom('');
    setTo('');
  };

  /** Enter in an "add" box adds the day instead of submitting the whole form. */
  const onEnter = (event: KeyboardEvent<HTMLInputElement>, add: () => void) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  const listIssue = (prefix: string) => Object.keys(state.fields).some((path) => path === prefix || path.startsWith(`${prefix}.`));

  // Changed lists or fields, or a day typed in an add box and not yet added.
  const dirty =
    JSON.stringify({ holidays, transfers, verification, legalRef, note }) !==
      JSON.stringify({ holidays: entry.holidays, transfers: entry.transfers, verification: entry.verification, legalRef: entry.legalRef ?? '', note: entry.note ?? '' }) ||
    [holiday, from, to].some((text) => text !== '');

  const submit = () =>
    void save(
      String(year),
      { ...entry, holidays, transfers, verification, legalRef: legalRef === '' ? null : legalRef, note: optional(note) },
      { insert: isNew },
    );

  return (
    <EditDialog title={t('reference.calendar.formTitle', { year })} state={state} dirty={dirty} onSubmit={submit} onClose={onClose}>
      <fieldset className="ref-days">
        <legend>{t('reference.calendar.holidays')}</legend>
        {errorAt('holidays') ? <p className="field__error">{errorAt('holidays')}</p> : null}
        <ul className="ref-days__list">
          {holidays.map((iso, i) => (
            <li key={iso} className={listIssue(`holidays.${i}`) ? 'ref-day ref-day--invalid' : 'ref-day'}>
              <span>{day(iso)}</span>
              {listIssue(`holidays.${i}`) ? <span className="field__error">{t('reference.calendar.holidayIssue', { date: formatDate(iso) })}</span> : null}
              <button
                type="button"
                className="button button--small"
                aria-label={t('reference.calendar.removeHoliday', { date: formatDate(iso) })}
                onClick={() => setHolidays(holidays.filter((d) => d !== iso))}
              >
                {t('reference.calendar.remove')}
              </button>
            </li>
          ))}
        </ul>
        <div className="ref-form__row">
          <DateField
            label={t('reference.calendar.holidayDate')}
            inputRef={holidayInput}
            value={holiday}
            onChange={setHoliday}
            onKeyDown={(event) => onEnter(event, addHoliday)}
            error={problemText(holidayError)}
          />
          <button type="button" className="button" onClick={addHoliday}>
            {t('reference.calendar.addHoliday')}
          </button>
        </div>
      </fieldset>

      <fieldset className="ref-days">
        <legend>{t('reference.calendar.transfers')}</legend>
        {errorAt('transfers') ? <p className="field__error">{errorAt('transfers')}</p> : null}
        <ul className="ref-days__list ref-days__list--moves">
          {transfers.map((move, i) => (
            <li key={`${move.from}>${move.to}`} className={listIssue(`transfers.${i}`) ? 'ref-day ref-day--invalid' : 'ref-day'}>
              <span>{t('reference.calendar.transfer', { from: day(move.from), to: day(move.to), basis: t(`reference.calendar.basis.${move.basis}`) })}</span>
              {listIssue(`transfers.${i}`) ? (
                <span className="field__error">{t('reference.calendar.transferIssue', { from: formatDate(move.from), to: formatDate(move.to) })}</span>
              ) : null}
              <button
                type="button"
                className="button button--small"
                aria-label={t('reference.calendar.removeTransfer', { from: formatDate(move.from), to: formatDate(move.to) })}
                onClick={() => setTransfers(transfers.filter((m) => m !== move))}
              >
                {t('reference.calendar.remove')}
              </button>
            </li>
          ))}
        </ul>
        <div className="ref-form__row">
          <DateField
            label={t('reference.calendar.transferFrom')}
            inputRef={fromInput}
            value={from}
            onChange={setFrom}
            onKeyDown={(event) => onEnter(event, addMove)}
            error={problemText(transferError.from)}
          />
          <DateField
            label={t('reference.calendar.transferTo')}
            inputRef={toInput}
            value={to}
            onChange={setTo}
            onKeyDown={(event) => onEnter(event, addMove)}
            error={problemText(transferError.to)}
          />
          <Select label={t('reference.calendar.transferBasis')} value={basis} onValue={(v) => setBasis(v as Basis)}>
            {TRANSFER_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`reference.calendar.basis.${b}`)}
              </option>
            ))}
          </Select>
          <button type="button" className="button" onClick={addMove}>
            {t('reference.calendar.addTransfer')}
          </button>
        </div>
      </fieldset>

      <VerificationSelect label={t('reference.columns.verification')} value={verification} onValue={setVerification} error={errorAt('verification')} />
      <Select label={t('reference.calendar.legalRefLabel')} value={legalRef} onValue={setLegalRef} error={errorAt('legalRef')} className="field--wide">
        <option value="">{t('reference.calendar.noLegalRef')}</option>
        {legalRefs.map((ref) => (
          <option key={ref.id} value={ref.id}>
            {ref.article ? `${ref.act}, ${ref.article}` : ref.act}
          </option>
        ))}
      </Select>
      <TextArea label={t('reference.calendar.note')} rows={3} maxLength={REFERENCE_LIMITS.note} value={note} onValue={setNote} error={errorAt('note')} />
    </EditDialog>
  );
}

import { describe, expect, it } from 'vitest';
import { sectionFromQuery } from '../../../../../renderer/src/lib/case-sections';
import { describeTrackingChange } from '../../../../../renderer/src/features/case-tracking/history-text';
import { checkMoment, composeCheckAt, daysUntil, deadlineAbout, requestLabel } from '../../../../../renderer/src/ui/case/labels';
import { localized, reasonText } from '../../../../../renderer/src/ui/case/reasons';
import { suggestionFor } from '../../../../../renderer/src/features/case-tracking/decision';
import type { RequestRow } from '../../../../../renderer/src/data/schema';
import { factoryBundle } from '../../../support/reference-fixtures';
import { translator } from '../../../support/translator';

const request: RequestRow = {
  id: 'q1',
  caseId: 'c1',
  kind: 'citizen_application',
  sentAt: '2025-06-02',
  addressee: 'УВМ ГУ МВД России по г. Москве',
  ourNumber: '15',
  theirNumber: '',
  note: '',
  answerSummary: '',
  createdAt: '2025-06-02T09:00:00.000Z',
  updatedAt: '2025-06-02T09:00:00.000Z',
};

describe('reasoning in words', () => {
  it('words code params first and picks the variant for an optional part', async () => {
    const { t } = await translator('ru');
    expect(reasonText(t, { code: 'registration_gap', params: { from: '01.01.2025', to: '30.06.2025', days: 181 } })).toBe('Нет регистрации с 01.01.2025 по 30.06.2025 (181 дн.)');
    expect(reasonText(t, { code: 'purpose_not_work', params: { entryDate: '15.01.2024', purpose: 'private' } })).toBe('При въезде 15.01.2024 цель визита «Частная», а не «работа», хотя есть договор');
    expect(reasonText(t, { code: 'spelling_variant', params: { script: 'latin', reference: 'ASANOV BAKYT', variant: 'ASANOV BAKIT', variantKind: 'transliteration' } })).toBe(
      'Написание «ASANOV BAKIT» (латиница) отличается от «ASANOV BAKYT»: другая транслитерация',
    );
    expect(reasonText(t, { code: 'amina_deregistered', params: { date: '20.10.2025', reason: '' } })).toBe('В «Амине» снят с учёта 20.10.2025');
    expect(reasonText(t, { code: 'amina_deregistered', params: { date: '20.10.2025', reason: 'нет геоданных' } })).toBe('В «Амине» снят с учёта 20.10.2025: нет геоданных');
    expect(reasonText(t, { code: 'document_replaced', params: { oldNumber: 'AC1', newNumber: '', newIssueDate: '' } })).toBe('Документ AC1 заменён');
    expect(reasonText(t, { code: 'document_replaced', params: { oldNumber: 'AC1', newNumber: 'AC2', newIssueDate: '' } })).toBe('Документ AC1 заменён на AC2');
    expect(reasonText(t, { code: 'document_replaced', params: { oldNumber: 'AC1', newNumber: 'AC2', newIssueDate: '01.02.2024' } })).toBe('Документ AC1 заменён на AC2 (выдан 01.02.2024)');
    expect(reasonText(t, { code: 'parent_listed', params: { name: '' } })).toBe('Родитель включён в реестр');
    expect(reasonText(t, { code: 'parent_listed', params: { name: 'Асанов Бакыт' } })).toBe('Родитель включён в реестр: Асанов Бакыт');
  });

  it('speaks Kyrgyz and English too', async () => {
    const { t: ky } = await translator('ky');
    const { t: en } = await translator('en');
    const gap = { code: 'registration_gap' as const, params: { from: '01.01.2025', to: '30.06.2025', days: 181 } };
    expect(reasonText(ky, gap)).toBe('01.01.2025 баштап 30.06.2025 чейин каттоо жок (181 күн)');
    expect(reasonText(en, gap)).toBe('No registration from 01.01.2025 to 30.06.2025 (181 d)');
    expect(reasonText(en, { code: 'purpose_not_work', params: { entryDate: '15.01.2024', purpose: 'study' } })).toContain('«Study»');
  });

  it('takes reference texts in the UI language, English falling back to Russian', () => {
    expect(localized({ ru: 'р', ky: 'к', en: 'e' }, 'ky')).toBe('к');
    expect(localized({ ru: 'р', ky: 'к' }, 'en')).toBe('р');
    expect(localized({ ru: 'р', ky: 'к', en: 'e' }, 'ru')).toBe('р');
  });
});

describe('labels', () => {
  it('names a request with and without our number', async () => {
    const { t } = await translator('ru');
    expect(requestLabel(t, request)).toBe('Заявление гражданина № 15 от 02.06.2025');
    expect(requestLabel(t, { ...request, kind: 'verbal_note', ourNumber: ' ' })).toBe('Вербальная нота от 02.06.2025');
  });

  it('says what a deadline is about, or that its record is gone', async () => {
    const { t } = await translator('ru');
    const person = {
      documents: [{ id: 'd1', type: 'passport_2020' as const, series: 'AC', number: '1234567', issueDate: '2021-05-10', issuer: '', expiryDate: '2031-05-09', status: 'current' as const, usedForEntry: true }],
      stays: [],
      employments: [],
    };
    const context = { requests: [request], person };
    expect(deadlineAbout(t, { related: null, relatedKind: 'case' }, context)).toBe('дело');
    expect(deadlineAbout(t, { related: 'q1', relatedKind: 'request' }, context)).toBe('Заявление гражданина № 15 от 02.06.2025');
    expect(deadlineAbout(t, { related: 'd1', relatedKind: 'document' }, context)).toBe('документ Общегражданский паспорт (2020 г.) AC 1234567');
    expect(deadlineAbout(t, { related: 'gone', relatedKind: 'employment' }, context)).toBe('запись удалена');
  });

  it('counts days to a due date', () => {
    expect(daysUntil('2025-06-02', '2025-06-05')).toBe(3);
    expect(daysUntil('2025-06-02', '2025-05-31')).toBe(-2);
  });

  it('keeps a check at the wall-clock time it was entered, whatever zone shows it', () => {
    const at = composeCheckAt('2025-06-02', '9:05');
    expect(at).toMatch(/^2025-06-02T09:05:00[+-]\d{2}:\d{2}$/);
    expect(checkMoment(at!)).toBe('02.06.2025 09:05');
    expect(checkMoment('2025-06-02T23:59:00+03:00')).toBe('02.06.2025 23:59');
    expect(checkMoment('2025-06-02')).toBe('02.06.2025');
    expect(composeCheckAt('2025-06-02', '24:00')).toBeNull();
    expect(composeCheckAt('2025-06-02', '9.30')).toBeNull();
    expect(composeCheckAt('2025-02-30', '09:30')).toBeNull();
  });

  it('reads the section of a case link, ignoring anything it does not know', () => {
    expect(sectionFromQuery('section=checks')).toBe('checks');
    expect(sectionFromQuery('x=1&section=diagnosis')).toBe('diagnosis');
    expect(sectionFromQuery('section=history')).toBeNull();
    expect(sectionFromQuery(undefined)).toBeNull();
  });
});

describe('the decision a choice is measured against', () => {
  const result = {
    referenceVersion: 1,
    causes: [
      { causeId: 'R-1', confidence: 'high' as const, reasoning: [], suggestedExclusionGround: 'E-2', checklist: [], documents: [] },
      { causeId: 'R-8', confidence: 'medium' as const, reasoning: [], suggestedExclusionGround: 'E-ERROR', checklist: [], documents: [] },
    ],
  };
  it('is the suggestion of the chosen cause when there is one, else the top one', () => {
    expect(suggestionFor(result, 'R-8')?.causeId).toBe('R-8');
    expect(suggestionFor(result, 'R-9')?.causeId).toBe('R-1');
    expect(suggestionFor({ referenceVersion: 1, causes: [] }, 'R-9')).toBeNull();
    expect(suggestionFor(null, 'R-1')).toBeNull();
  });
});

describe('history lines of tracking changes', () => {
  it('words requests sent and updated, checks, the diagnosis decision and the outcome; leaves the rest', async () => {
    const { t } = await translator('ru');
    const ctx = { requests: [request], reference: factoryBundle(), language: 'ru' };
    expect(describeTrackingChange(t, { field: 'request', before: null, after: request }, 'q1', ctx)).toBe(
      'Отправлен запрос: Заявление гражданина № 15 от 02.06.2025, адресат: УВМ ГУ МВД России по г. Москве',
    );
    expect(describeTrackingChange(t, { field: 'request.registeredAt', before: null, after: '2025-06-04' }, 'q1', ctx)).toBe(
      'Запрос «Заявление гражданина № 15 от 02.06.2025» — зарегистрирован: — → 04.06.2025',
    );
    expect(describeTrackingChange(t, { field: 'request.extendedByDays', before: 10, after: null }, 'q1', ctx)).toBe(
      'Запрос «Заявление гражданина № 15 от 02.06.2025» — продление, дней: 10 → —',
    );
    expect(
      describeTrackingChange(t, { field: 'check', before: null, after: { at: '2025-06-05T10:15:00+03:00', channel: 'bank', listed: true } }, 'k1', ctx),
    ).toBe('Проверка реестра 05.06.2025 10:15 (Банк): В реестре значится');
    const confirmed = { causeId: 'R-1', exclusionGround: 'E-2', decision: 'confirmed', suggested: { causeId: 'R-1', exclusionGround: 'E-2', confidence: 'high' }, referenceVersion: 1, note: '', at: '2025-06-05T10:00:00.000Z' };
    expect(describeTrackingChange(t, { field: 'case.diagnosis', before: null, after: confirmed }, 'c1', ctx)).toBe(
      'Диагноз подтверждён: Разрыв регистрации в период действия договора; основание для исключения: E-2 — Приобретение законных оснований для пребывания (проживания) в России',
    );
    const overridden = { ...confirmed, causeId: 'R-9', exclusionGround: 'E-ERROR', decision: 'overridden' };
    expect(describeTrackingChange(t, { field: 'case.diagnosis', before: confirmed, after: overridden }, 'c1', ctx)).toMatch(
      /^Причина выбрана сотрудником: Документы в порядке, но человек в реестре; основание для исключения: E-ERROR — .+\. Диагностика предлагала: Разрыв регистрации в период действия договора; основание: E-2 — /,
    );
    expect(describeTrackingChange(t, { field: 'case.outcome', before: null, after: 'excluded' }, 'c1', ctx)).toBe('Итог дела: — → Исключён');
    expect(describeTrackingChange(t, { field: 'person.nameRu.surname', before: 'А', after: 'Б' }, 'c1', ctx)).toBeNull();
  });
});

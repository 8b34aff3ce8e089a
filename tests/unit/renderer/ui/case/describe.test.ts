import { describe, expect, it } from 'vitest';
import { auditFor, changeStatus, createCase, getCase, removeItem, addItem, updateField } from '../../../../../renderer/src/data/cases/cases.repo';
import { describeChange, findingText, pathLabel, problemsOf } from '../../../../../renderer/src/ui/case/describe';
import { buildHistory } from '../../../../../renderer/src/features/case-page/history';
import { actor, freshDb, intake } from '../../../support/db-fixtures';
import { translator } from '../../../support/translator';

const NOW = new Date('2025-06-01T09:00:00Z');

async function seeded() {
  const db = freshDb();
  const created = await createCase(intake({ id: 'p1', nameRu: ['Усенов', 'Бакыт', 'Асанович'] }), actor, { now: NOW });
  if (!created.ok) throw new Error('seed failed');
  return { db, caseId: created.value.id };
}

async function lastChanges(db: Awaited<ReturnType<typeof seeded>>['db'], caseId: string) {
  const audit = await auditFor(caseId);
  return audit[audit.length - 1]!.changes;
}

describe('history wording of real audit entries', () => {
  it('says a field edit as «label: before → after»', async () => {
    const { t } = await translator('ru');
    const { db, caseId } = await seeded();
    await updateField(caseId, 'person.nameRu.surname', 'Үсөнов', actor, NOW);
    const [change] = await lastChanges(db, caseId);
    const line = describeChange(t, change!);
    expect(t('casePage.history.change', { field: line.label, before: line.before, after: line.after })).toBe('Фамилия (рус.): Усенов → Үсөнов');
  });

  it('names item fields with their position and formats dates, choices and yes/no', async () => {
    const { t } = await translator('ru');
    const { db, caseId } = await seeded();
    await updateField(caseId, 'person.documents.0.expiryDate', '2032-01-31', actor, NOW);
    expect(describeChange(t, (await lastChanges(db, caseId))[0]!)).toEqual({
      label: 'Документ 1 — Действителен до',
      before: '09.05.2031',
      after: '31.01.2032',
      kind: 'change',
    });
    await updateField(caseId, 'person.documents.0.status', 'lost', actor, NOW);
    expect(describeChange(t, (await lastChanges(db, caseId))[0]!)).toMatchObject({ before: 'Действующий', after: 'Утрачен' });
    await updateField(caseId, 'person.amina.registered', true, actor, NOW);
    expect(describeChange(t, (await lastChanges(db, caseId))[0]!)).toMatchObject({ label: 'Зарегистрирован в «Амине»', before: 'Нет', after: 'Да' });
    await updateField(caseId, 'case.impacts', ['bank_block', 'dismissal'], actor, NOW);
    expect(describeChange(t, (await lastChanges(db, caseId))[0]!)).toMatchObject({ label: 'Последствия', kind: 'added', after: 'Увольнение' });
  });

  it('says a whole document was added or removed, naming it', async () => {
    const { t } = await translator('ru');
    const { db, caseId } = await seeded();
    const doc = { id: 'd2', type: 'id_card_2017', series: 'ID', number: '7654321', issueDate: '2019-01-10', issuer: '', expiryDate: '2029-01-10', status: 'replaced', usedForEntry: false };
    expect((await addItem(caseId, 'documents', doc, actor, NOW)).ok).toBe(true);
    const added = describeChange(t, (await lastChanges(db, caseId))[0]!);
    expect(added).toEqual({ label: 'Документ 2', kind: 'added', before: '—', after: 'ID-карта (образца 2017 г.) ID 7654321' });
    expect((await removeItem(caseId, 'documents', 1, actor, NOW)).ok).toBe(true);
    expect(describeChange(t, (await lastChanges(db, caseId))[0]!)).toMatchObject({ label: 'Документ 2', kind: 'removed', before: 'ID-карта (образца 2017 г.) ID 7654321' });
  });

  it('splits a changed birth date into its parts and falls back to the raw path for fields it does not know', async () => {
    const { t } = await translator('ru');
    const { db, caseId } = await seeded();
    await updateField(caseId, 'person.birthDate', { year: 1990, month: 3 }, actor, NOW);
    const changes = await lastChanges(db, caseId);
    expect(changes.map((c) => describeChange(t, c))).toEqual([{ label: 'Дата рождения (день)', before: '12', after: '—', kind: 'change' }]);
    expect(describeChange(t, { field: 'duplicateOf', before: null, after: ['c1'] })).toMatchObject({ label: 'duplicateOf', after: '["c1"]' });
  });

  it('builds the whole timeline of a case: creation, status with note, edits — newest first', async () => {
    const { caseId } = await seeded();
    await updateField(caseId, 'person.pin', '21203199000123', actor, new Date('2025-06-02T09:00:00Z'));
    await changeStatus(caseId, 'checking', 'проверено', actor, new Date('2025-06-03T09:00:00Z'));
    const loaded = await getCase(caseId);
    const history = buildHistory(loaded!.record.statusHistory, await auditFor(caseId));
    expect(history.map((e) => [e.kind, e.who])).toEqual([
      ['status', actor.who],
      ['update', actor.who],
      ['created', actor.who],
    ]);
    expect(history[0]).toMatchObject({ from: 'intake', to: 'checking', note: 'проверено' });
  });
});

describe('messages of a refused edit', () => {
  it('word schema issues and hard errors, translating sex codes inside findings', async () => {
    const { t } = await translator('ru');
    const { caseId } = await seeded();
    const refused = await updateField(caseId, 'person.pin', '2120319900012X', actor, NOW);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(problemsOf(t, refused)).toEqual([{ path: 'person.pin', text: 'ПИН — ровно 14 цифр, без букв и знаков (введено символов: 14)' }]);
    const tooLong = await updateField(caseId, 'person.nameRu.surname', 'Ы'.repeat(101), actor, NOW);
    expect(!tooLong.ok && problemsOf(t, tooLong)).toEqual([{ path: 'person.nameRu.surname', text: 'Не более 100 символов' }]);
    expect(findingText(t, { path: 'person.pin', code: 'pin_sex_mismatch', params: { digit: 1, pinSex: 'female', formSex: 'male' } })).toBe(
      'ПИН: первая цифра 1 означает пол «Женский», в анкете «Мужской»',
    );
  });

  it('names the field a message is about when it is not the one edited', async () => {
    const { t } = await translator('en');
    expect(pathLabel(t, 'documents.0.expiryDate')).toBe('Document 1 — Valid until');
    expect(pathLabel(t, 'employments.2')).toBe('Contract 3');
    expect(pathLabel(t, 'case.learnedAt')).toBe('Date the person learned of the listing');
    expect(pathLabel(t, 'person.representative')).toBe('Representative');
    expect(pathLabel(t, 'something.else')).toBe('something.else');
  });
});

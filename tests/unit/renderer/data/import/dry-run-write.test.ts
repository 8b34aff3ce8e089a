import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { checkRow, checkRows } from '../../../../../shared/import/check';
import { documentKeys, duplicateNameKeys, pinKey } from '../../../../../shared/search/case-keys';
import { guessMapping } from '../../../../../shared/import/fields';
import { convertRow, splitDocument, sexFromPatronymic, type ImportDefaults } from '../../../../../shared/import/rows';
import { createCase } from '../../../../../renderer/src/data/cases/cases.repo';
import { openCaseList, defaultQuery } from '../../../../../renderer/src/data/cases/list-query.repo';
import { matchInDatabase } from '../../../../../renderer/src/data/import/duplicates.repo';
import { defaultExcluded, dryRun } from '../../../../../renderer/src/features/import/dry-run';
import { closeInterruptedImports, writeImport } from '../../../../../renderer/src/data/import/import.repo';
import { mappingFor, saveMapping } from '../../../../../renderer/src/data/import/mappings.repo';
import { caseColumns, caseRowSource } from '../../../../../renderer/src/ui/export/case-export';
import { actor, freshDb, intake } from '../../../support/db-fixtures';

const TODAY = '2026-11-26';
const defaults: ImportDefaults = { missionId: 'mKR', caseworker: actor.who, region: 'г. Москва', learnedAt: '2026-11-20', learnedHow: 'other', language: 'ru' };
let ids = 0;
const newId = () => `id${++ids}`;

const HEADERS = ['ФИО', 'Дата рождения', 'Пол', 'ПИН', 'Паспорт', 'Дата выдачи', 'Срок действия', 'Телефон', 'Регион'];
const mapping = guessMapping(HEADERS);

const row = (over: Partial<Record<(typeof HEADERS)[number], string>> = {}) =>
  HEADERS.map((h) => over[h] ?? ({ ФИО: 'Асанов Бакыт Нурланович', 'Дата рождения': '12.03.1990', Пол: 'м', ПИН: '21203199000123', Паспорт: 'AC 1234567', 'Дата выдачи': '01.02.2020', 'Срок действия': '01.02.2030', Телефон: '+7 900 123-45-67', Регион: '' } as Record<string, string>)[h]!);

describe('row conversion', () => {
  it('maps a typical row to a valid intake', () => {
    expect(mapping).toEqual(['fullNameRu', 'birthDate', 'sex', 'pin', 'document', 'docIssueDate', 'docExpiryDate', 'phone', 'region']);
    const check = checkRow(row(), 0, mapping, defaults, TODAY, newId);
    expect(check.errors).toEqual([]);
    expect(check.form?.person.nameRu).toEqual({ surname: 'Асанов', givenName: 'Бакыт', patronymic: 'Нурланович' });
    expect(check.form?.person.birthDate).toEqual({ year: 1990, month: 3, day: 12 });
    expect(check.form?.documents[0]).toMatchObject({ series: 'AC', number: '1234567', issueDate: '2020-02-01', expiryDate: '2030-02-01' });
    expect(check.form?.case).toMatchObject({ region: 'г. Москва', learnedAt: '2026-11-20', caseworker: actor.who });
    expect(check.form?.person.patronymicForm).toBe('patronymic');
  });

  it('infers sex from the ПИН, then the patronymic; uulu/kyzy forms', () => {
    const noSex = checkRow(row({ Пол: '', ПИН: '11203199000123', ФИО: 'Асанова Айгүл Бакытовна' }), 0, mapping, defaults, TODAY, newId);
    expect(noSex.form?.person.sex).toBe('female');
    const byParticle = checkRow(row({ Пол: '', ПИН: '', ФИО: 'Нурланов Бакыт Нурлан уулу' }), 0, mapping, defaults, TODAY, newId);
    expect(byParticle.form?.person.sex).toBe('male');
    expect(byParticle.form?.person.patronymicForm).toBe('uulu_kyzy');
    expect(sexFromPatronymic('Маматовна')).toBe('female');
    expect(sexFromPatronymic('')).toBeNull();
  });

  it('reports each bad cell by its column, and the intake rules as at intake', () => {
    const bad = checkRow(row({ 'Дата рождения': '31.02.1990', Пол: 'x', ПИН: '123', Телефон: 'звонить вечером' }), 0, mapping, defaults, TODAY, newId);
    const codes = bad.errors.map((e) => `${e.code}:${e.field ?? ''}`);
    expect(codes).toContain('date_impossible:birthDate');
    expect(codes).toContain('sex_unknown:sex');
    expect(codes).toContain('pin_format:pin');
    expect(codes).not.toContain('field_required:birthDate');
    expect(bad.warnings.map((w) => w.code)).toContain('phone_skipped');
    expect(bad.form).toBeNull();
    const noName = checkRow(row({ ФИО: '' }), 0, mapping, defaults, TODAY, newId);
    expect(noName.errors).toContainEqual({ code: 'field_required', path: 'person.nameRu.surname', field: 'surnameRu' });
    const future = checkRow(row({ 'Дата рождения': '01.01.2030' }), 0, mapping, defaults, TODAY, newId);
    expect(future.errors.map((e) => e.code)).toContain('birth_date_in_future');
    const noRegion = checkRow(row(), 0, mapping, { ...defaults, region: '' }, TODAY, newId);
    expect(noRegion.errors).toContainEqual({ code: 'field_required', path: 'case.region', field: 'region' });
  });

  it('a document without dates is not kept but still found as a duplicate', () => {
    const check = checkRow(row({ 'Дата выдачи': '', 'Срок действия': '' }), 0, mapping, defaults, TODAY, newId);
    expect(check.form?.documents).toEqual([]);
    expect(check.warnings.map((w) => w.code)).toContain('document_not_kept');
    expect(check.keys.docKeys).toContain('1234567');
  });

  it('splits documents with Cyrillic look-alike series', () => {
    expect(splitDocument('АС №1234567')).toEqual({ series: 'AC', number: '1234567' });
    expect(splitDocument('ID-1234567')).toEqual({ series: 'ID', number: '1234567' });
    expect(splitDocument('1234567')).toEqual({ series: '', number: '1234567' });
  });

  it('marks repeats within the file by ПИН, document, name + birth date', () => {
    const checks = checkRows(
      [row(), row({ ПИН: '', Паспорт: '' }), row({ ФИО: 'Другой Человек', 'Дата рождения': '01.01.1980', ПИН: '21203199000123', Паспорт: '' }), row({ ФИО: 'Третий Человек', ПИН: '', Паспорт: 'AC1234567' }), ['', '', '', '', '', '', '', '', '']],
      mapping,
      defaults,
      TODAY,
      newId,
    );
    expect(checks[0]!.sameInFile).toEqual([]);
    expect(checks[1]!.sameInFile).toEqual([{ index: 0, reason: 'name_birth' }]);
    expect(checks[2]!.sameInFile).toEqual([{ index: 0, reason: 'pin' }]);
    expect(checks[3]!.sameInFile).toEqual([{ index: 0, reason: 'document' }]);
    expect(checks[4]!.errors).toEqual([{ code: 'empty_row' }]);
  });

  it('is total over arbitrary rows and mappings', () => {
    const field = fc.constantFrom('', ...mapping);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 12 }), fc.array(field, { maxLength: 12 }), (cells, map) => {
        const check = checkRow(cells, 0, map as never, defaults, TODAY, newId);
        expect(Array.isArray(check.errors)).toBe(true);
        if (check.form) expect(check.errors).toEqual([]);
        convertRow(cells, map as never, defaults, newId, 2026);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('dry run against the database', () => {
  it('finds the same person by ПИН, document and name + birth date, and writes nothing', async () => {
    const db = freshDb();
    const existing = await createCase(intake({ nameRu: ['Асанов', 'Бакыт', 'Нурланович'], birth: { year: 1990, month: 3, day: 12 }, pin: '', series: 'AN', number: '7654321' }), actor);
    if (!existing.ok) throw new Error('fixture');
    const byPin = await createCase(intake({ nameRu: ['Петров', 'Пётр', ''], pin: '21111198000011', series: 'AN', number: '1111111' }), actor);
    if (!byPin.ok) throw new Error('fixture');
    const rows = [row(), row({ ФИО: 'Чужой Человек', 'Дата рождения': '02.02.1982', ПИН: '21111198000011', Паспорт: 'AN 9999999' }), row({ ФИО: 'Другой Иван', 'Дата рождения': '05.05.1985', ПИН: '', Паспорт: 'AN7654321' }), row({ ФИО: 'Новый Новиков', 'Дата рождения': '06.06.1986', ПИН: '', Паспорт: 'AN5555555' }), row({ 'Дата рождения': 'вчера' })];
    const before = { cases: await db.cases.count(), persons: await db.persons.count(), audit: await db.audit.count() };
    const run = await dryRun(rows, mapping, defaults, { today: TODAY, newId });
    expect(run.rows[0]!.inDatabase).toEqual([expect.objectContaining({ caseNumber: existing.value.number, reasons: ['name_birth'] })]);
    expect(run.rows[1]!.inDatabase).toEqual([expect.objectContaining({ caseNumber: byPin.value.number, reasons: ['pin'] })]);
    expect(run.rows[2]!.inDatabase).toEqual([expect.objectContaining({ caseNumber: existing.value.number, reasons: ['document'] })]);
    expect(run.rows[3]!.inDatabase).toEqual([]);
    expect(run.rows[4]!.errors.map((e) => e.code)).toEqual(['date_unparsed']);
    expect(run.counts).toEqual({ total: 5, ready: 4, errors: 1, warnings: 1, duplicates: 4 });
    // That ПИН encodes 11.11.1980, not the row's 02.02.1982: the intake rule's warning, as at intake.
    expect(run.rows[1]!.warnings.map((w) => w.code)).toEqual(['pin_dob_mismatch']);
    expect([...defaultExcluded(run)].sort()).toEqual([0, 1, 2]);
    expect({ cases: await db.cases.count(), persons: await db.persons.count(), audit: await db.audit.count() }).toEqual(before);
    expect(run.rows[4]!.rowNumber).toBe(6);
  });
});

describe('looking rows up in the database', () => {
  const NAMES = ['Асанов', 'Беков', 'Жумабаев', 'Токтогулов', 'Үсөнов', 'Абдыкеров', 'Иманалиев', 'Калыков', 'Мамытов', 'Осмонов', 'Сыдыков', 'Турдубаев'];
  const LATIN = ['Asanov', 'Bekov', 'Zhumabaev', 'Toktogulov', 'Usonov', 'Abdykerov', 'Imanaliev', 'Kalykov', 'Mamytov', 'Osmonov', 'Sydykov', 'Turdubaev'];

  it('finds the same persons whether it reads a persons index whole or seeks it key by key', async () => {
    const db = freshDb();
    const numbers: string[] = [];
    for (const [i, surname] of NAMES.entries()) {
      const made = await createCase(intake({ nameRu: [surname, 'Бакыт', 'Нурланович'], nameKy: [surname, 'Бакыт', 'Нурлан уулу'], nameLat: [LATIN[i]!, 'Bakyt', ''], birth: { year: 1990, month: 3, day: 12 }, pin: `21203199000${100 + i}`, series: 'AN', number: String(7000000 + i) }), actor);
      if (!made.ok) throw new Error('fixture');
      numbers.push(made.value.number);
    }
    const persons = await db.persons.toArray();
    // The stored keys are keyed hashes; a file row brings the plain keys, derived from the values.
    const probe = { pin: pinKey(persons[3]!.pin), docKeys: documentKeys(persons[5]!.documents), dupKeys: duplicateNameKeys(persons[7]!) };
    const caseOf = async (n: number) => (await db.cases.where('personId').equals(persons[n]!.id).first())!.number;
    const expected = [
      { caseNumber: await caseOf(3), reasons: ['pin'] },
      { caseNumber: await caseOf(5), reasons: ['document'] },
      { caseNumber: await caseOf(7), reasons: ['name_birth'] },
    ].sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
    const seeks = vi.spyOn(db.persons, 'where');

    // One row: each index holds more than four entries per key asked, so each is sought key by key.
    const alone = await matchInDatabase([probe]);
    expect(seeks).toHaveBeenCalledTimes(3);
    expect(alone.get(0)!.map((m) => ({ caseNumber: m.caseNumber, reasons: m.reasons }))).toEqual(expected);

    // The same row among many that match nothing: now each index is read whole and matched in memory.
    seeks.mockClear();
    const filler = Array.from({ length: 40 }, (_, i) => ({ pin: `1010119800${String(1000 + i)}`, docKeys: [`ZZ${9000000 + i}`], dupKeys: [`никто ${i}|01.01.1980`] }));
    const crowd = await matchInDatabase([...filler, probe]);
    expect(seeks).not.toHaveBeenCalled();
    expect(crowd.get(filler.length)).toEqual(alone.get(0));
    expect([...crowd.keys()]).toEqual([filler.length]);
    expect(numbers).toHaveLength(NAMES.length);
  });
});

const SURNAMES = ['Асанов', 'Беков', 'Жумабаев', 'Токтогулов', 'Үсөнов'];

describe('writing an import', () => {
  async function plan(db: ReturnType<typeof freshDb>, n: number) {
    const rows = Array.from({ length: n }, (_, i) => row({ ФИО: `${SURNAMES[i % SURNAMES.length]} Бакыт Нурланович`, ПИН: '', Паспорт: `AC${String(1000000 + i)}` }));
    rows.push(row({ 'Дата рождения': 'никогда' }));
    const run = await dryRun(rows, mapping, defaults, { today: TODAY, newId });
    const items = run.rows.filter((r) => r.form).map((r) => ({ rowNumber: r.rowNumber, form: r.form! }));
    const skipped = run.rows.filter((r) => !r.form).map((r) => ({ row: r.rowNumber, reason: 'errors' as const }));
    return { fileName: 'список.csv', items, skipped };
  }

  it('writes in chunks, numbers every case, and leaves ONE audit entry listing them', async () => {
    const db = freshDb();
    const p = await plan(db, 23);
    const progress: number[] = [];
    const outcome = await writeImport(p, actor, { chunkSize: 5, onProgress: (d) => progress.push(d), now: new Date('2026-11-26T10:00:00Z') });
    expect(progress).toEqual([5, 10, 15, 20, 23]);
    expect(outcome.status).toBe('done');
    expect(outcome.created).toHaveLength(23);
    expect(await db.cases.count()).toBe(23);
    expect(await db.persons.count()).toBe(23);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'import', action: 'create', who: actor.who, caseId: '' });
    const listed = audit[0]!.changes.find((c) => c.field === 'cases')!.after as { caseId: string; number: string; row: number }[];
    expect(listed.map((c) => c.caseId).sort()).toEqual((await db.cases.toCollection().primaryKeys()).sort());
    expect(audit[0]!.changes.find((c) => c.field === 'skipped')!.after).toEqual([{ row: 25, reason: 'errors' }]);
    const numbers = listed.map((c) => c.number);
    expect(new Set(numbers).size).toBe(23);
    expect(numbers[0]).toBe('КР-М-26-00001');
    expect(numbers[22]).toBe('КР-М-26-00023');
    expect((await db.imports.get(outcome.importId))?.status).toBe('done');
  });

  it('stopping between chunks keeps whole chunks, reports the rest as skipped, and still audits once', async () => {
    const db = freshDb();
    const p = await plan(db, 12);
    let chunks = 0;
    const outcome = await writeImport(p, actor, { chunkSize: 5, onProgress: () => chunks++, shouldStop: () => chunks >= 2 });
    expect(outcome.status).toBe('canceled');
    expect(outcome.created).toHaveLength(10);
    expect(await db.cases.count()).toBe(10);
    expect(outcome.skipped.filter((s) => s.reason === 'canceled').map((s) => s.row)).toEqual([12, 13]);
    expect(await db.audit.count()).toBe(1);
  });

  it('an import cut off mid-way (crash) is closed with its one audit entry on the next visit', async () => {
    const db = freshDb();
    await db.imports.add({ id: 'crashed', fileName: 'a.csv', who: actor.who, startedAt: '2026-11-26T09:00:00Z', status: 'running', created: [{ caseId: 'c1', number: 'КР-М-26-00001', row: 2 }], skipped: [] });
    expect(await closeInterruptedImports()).toBe(1);
    expect(await closeInterruptedImports()).toBe(0);
    expect((await db.imports.get('crashed'))?.status).toBe('interrupted');
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'import', entityId: 'crashed' });
  });

  it('keeps each chunk\'s cases in a part of the journal and folds the parts in when it closes', async () => {
    const db = freshDb();
    const p = await plan(db, 12);
    const outcome = await writeImport(p, actor, { chunkSize: 5 });
    expect(outcome.created.map((c) => c.row)).toEqual(p.items.map((item) => item.rowNumber));
    const journals = await db.imports.toArray();
    expect(journals).toHaveLength(1);
    expect(journals[0]).toMatchObject({ id: outcome.importId, status: 'done', created: outcome.created, skipped: [{ row: 14, reason: 'errors' }] });
  });

  it('[fault] an import that dies mid-way is closed on the next visit with exactly the cases its chunks wrote', async () => {
    const db = freshDb();
    const p = await plan(db, 12);
    let calls = 0;
    // The journal takes the first id, each case one more: the third chunk fails at its first case, and its transaction is undone.
    const dying = () => {
      if (++calls === 1 + 10 + 1) throw new Error('the page went away');
      return `x${calls}`;
    };
    await expect(writeImport(p, actor, { chunkSize: 5, newId: dying })).rejects.toThrow('the page went away');
    expect(await db.cases.count()).toBe(10);
    expect(await db.imports.where('status').equals('part').count()).toBe(2);
    expect(await closeInterruptedImports()).toBe(1);
    const journals = await db.imports.toArray();
    expect(journals).toHaveLength(1);
    expect(journals[0]!.status).toBe('interrupted');
    expect(journals[0]!.created.map((c) => c.caseId).sort()).toEqual((await db.cases.toCollection().primaryKeys()).sort());
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect((audit[0]!.changes.find((c) => c.field === 'cases')!.after as unknown[]).length).toBe(10);
  });

  it('imported cases are found by search like any other, and the export source walks the same list', async () => {
    const db = freshDb();
    await writeImport(await plan(db, 3), actor);
    const list = await openCaseList({ ...defaultQuery, text: 'Беков' });
    expect(list.count).toBe(1);
    const t = (key: string) => key;
    const source = await caseRowSource({ ...defaultQuery, sort: 'sortName', direction: 'asc' }, t);
    expect(source.total).toBe(3);
    const cells = await source.page(0, 10);
    expect(cells.map((c) => c[1])).toEqual(['Асанов Бакыт Нурланович', 'Беков Бакыт Нурланович', 'Жумабаев Бакыт Нурланович']);
    expect(cells[0]![4]).toBe('1990-03-12');
    expect(cells[0]![7]).toBe('cases.status.intake');
    expect(caseColumns(t)).toHaveLength(cells[0]!.length);
  });
});

describe('saved mappings', () => {
  it('remembers a mapping by the normalised header row', async () => {
    freshDb();
    expect(await mappingFor(HEADERS)).toEqual({ mapping, saved: false });
    const custom = [...mapping];
    custom[7] = '';
    await saveMapping(HEADERS, custom);
    expect(await mappingFor(HEADERS.map((h) => h.toUpperCase()))).toEqual({ mapping: custom, saved: true });
    expect((await mappingFor([...HEADERS, 'Ещё'])).saved).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildDocumentModel,
  cityOfAddress,
  isPresent,
  resolveField,
  reviewFields,
  UNKNOWN,
} from '../../../../shared/documents/model';
import { missingRequisites } from '../../../../shared/documents/requisites';
import { citeRu, dateWordsRu, missionNameForms, nameForms, nameFormsOfFull } from '../../../../shared/documents/russian';
import { spellingReason, substitutions } from '../../../../shared/documents/spellings';
import { factoryBundle } from '../../support/reference-fixtures';
import { baseInputs, factoryTemplate, fixtureInputs, fixtureModel } from '../../support/document-fixtures';

const nb = (text: string) => text.replace(/\u00A0/g, ' ');

describe('buildDocumentModel', () => {
  const model = fixtureModel('mission_letter_mvd');

  it('formats the person: names in three scripts, «Фамилия И.О.», dates, ПИН, postal address, words agreeing with the sex', () => {
    expect(model.person).toMatchObject({
      fullNameRu: 'Усенов Манызбек Жумабекович',
      fullNameKy: 'Үсөнов Маңызбек Жумабекович',
      fullNameLat: 'USONOV MANGYZBEK',
      shortNameRu: 'Усенов М.Ж.',
      birthDate: '12.03.1990',
      pin: '21203199000123',
      postalAddress: '109028, г. Москва, ул. Солянка, д. 1, кв. 5',
      consentDate: '03.02.2025',
    });
    expect(model.person.nameKy.short).toBe('Үсөнов М.Ж.');
    expect(model.person.g).toMatchObject({ citizen: 'гражданин', citizenGen: 'гражданина', applied: 'обратился', aboutHim: 'о нём' });
    const female = buildDocumentModel({ ...baseInputs(), person: { ...baseInputs().person, sex: 'female' } });
    expect(female.person.g).toMatchObject({ citizen: 'гражданка', citizenGen: 'гражданки', applied: 'обратилась', aboutHim: 'о ней' });
  });

  it('separates the current document from the replaced one and writes each as Russian paperwork does', () => {
    expect(model.documents.current).toMatchObject({
      short: 'паспорт AC 1234567',
      line: 'общегражданский паспорт гражданина Кыргызской Республики образца 2023 года AC 1234567, выдан 15.03.2023 МКК 211011, действителен до 15.03.2033',
      statusRu: 'действующий',
    });
    expect(model.documents.previous.map((d) => d.short)).toEqual(['ID-карта ID 0456789']);
    // The status agrees with the document's name: «ID-карта … (заменена)».
    expect(model.documents.previousText).toBe('ID-карта ID 0456789 от 01.06.2017 (заменена)');
    expect(model.documents.all).toHaveLength(2);
  });

  it('turns entries, registrations and contracts into fact lines', () => {
    expect(model.facts.map((f) => f.line)).toEqual([
      'въезд в Российскую Федерацию 10.04.2023 через пункт пропуска Москва (Домодедово), миграционная карта 4619 1234567, цель визита — работа',
      'миграционный учёт по месту пребывания с 12.04.2023 по 11.04.2024 по адресу: 109028, г. Москва, ул. Солянка, д. 1, кв. 5 (принимающая сторона — ООО «СтройМонтаж»)',
      'трудовой договор № 15/23 от 12.04.2023 с работодателем ООО «СтройМонтаж» (ИНН 7701234567), срок действия — по 11.04.2025, уведомление о заключении договора направлено работодателем в МВД 14.04.2023',
    ]);
  });

  it('takes the mission, signatory, executor and addressee from settings and reference data', () => {
    expect(model.mission).toMatchObject({ short: 'Посольство', shortGen: 'Посольства', nameGen: 'Посольства Кыргызской Республики в Российской Федерации' });
    expect(model.signatory.signName).toBe('Б.А. Токтогулов');
    expect(model.caseworker).toMatchObject({ shortName: 'Асанова Г.Б.', signName: 'Г.Б. Асанова' });
    expect(model.executor).toEqual({ name: 'Асанова Гүлнара Бакытовна', phone: '+7 (495) 237-48-83' });
    expect(model.addressee).toMatchObject({ block: 'Начальнику Управления по вопросам миграции ГУ МВД России по г. Москве', salutation: 'Уважаемый господин начальник!', address: '' });
    expect(model.document).toEqual({ date: '05.02.2025', dateWords: '5 февраля 2025 года', place: 'Москва', year: '2025' });
    expect(model.outgoing).toEqual({ number: 'КР-М/2025-0147', date: '05.02.2025' });
    expect(model.cause?.title).toBe('Замена паспорта: старый номер остался в реестре');
  });

  it('falls back to the mission phone for the executor and to the caseworker as signatory', () => {
    const m = buildDocumentModel({ ...baseInputs(), signatory: null, caseworker: { fullName: 'Асанова Гүлнара Бакытовна', position: 'Атташе', phone: '' } });
    expect(m.executor.phone).toBe('+7 (495) 237-48-82');
    expect(m.signatory).toEqual({ position: 'Атташе', fullName: 'Асанова Гүлнара Бакытовна', signName: 'Г.Б. Асанова' });
  });

  it('lists the attachments with the ГОСТ mark and their totals', () => {
    expect(model.attachments.map((a) => a.mark)).toEqual(['Заявление гражданина на 2 л. в 1 экз.', 'Копия паспорта гражданина Кыргызской Республики AC 1234567 на 1 л. в 1 экз.']);
    expect(model.attachments.map((a) => a.originalRu)).toEqual(['подлинник', 'копия']);
    expect(model.attachmentTotals).toEqual({ count: 2, sheets: 3 });
  });

  it('keeps only verified legal references, with the act in the genitive after the article', () => {
    expect(model.legal['59fz-art12']).toMatchObject({
      cite: 'ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»',
    });
    expect(model.legal['pp-1899']).toBeNull(); // a gap in the reference data
    expect(model.legal['115fz-art13']).toBeNull(); // unverified
    for (const ref of factoryBundle().legalRefs.filter((r) => r.verification === 'verified')) {
      // Every verified act must read grammatically after «ст. N»: its first words are known.
      expect(citeRu(ref.act, ref.article), ref.id).not.toContain(`${ref.act},`);
    }
  });

  it('builds the spelling table: every known spelling once, with the reason for each difference', () => {
    const rows = model.spelling.rows.map((r) => ({ spelling: r.spelling, script: r.script, reason: nb(r.reason) }));
    expect(rows).toEqual([
      { spelling: 'Үсөнов Маңызбек Жумабекович', script: 'кыргызская кириллица', reason: 'написание по кыргызской орфографии' },
      { spelling: 'Усенов Манызбек Жумабекович', script: 'русская кириллица', reason: 'передача средствами русского алфавита: ү → у, ө → е, ң → н' },
      { spelling: 'USONOV MANGYZBEK', script: 'латиница', reason: 'отчество не указано; транслитерация латиницей: ү → U, ө → O, ң → NG, ы → Y' },
      { spelling: 'Усенов Манызбек', script: 'русская кириллица', reason: 'отчество не указано; передача средствами русского алфавита: ү → у, ө → е, ң → н' },
      { spelling: 'USENOV MANYZBEK', script: 'латиница', reason: 'отчество не указано; транслитерация латиницей: ү → U, ө → E, ң → N, ы → Y' },
    ]);
    // A spelling whose difference needs checking is not certified, even with a named source: it is listed apart.
    expect(model.spelling.unconfirmed.map((r) => ({ spelling: r.spelling, reason: nb(r.reason) }))).toEqual([
      { spelling: 'Усёнов Маназбек', reason: 'иная форма записи (порядок слов, «уулу»/«кызы», другое имя) — требует проверки' },
    ]);
    expect(model.spelling.rows.map((r) => r.source)).toContain('миграционная карта');
    // Automatic variants never repeat a known spelling; Russian ones come first.
    const known = new Set([...rows, ...model.spelling.unconfirmed].map((r) => r.spelling.toUpperCase()));
    expect(model.spelling.variants.length).toBe(10);
    for (const v of model.spelling.variants) expect(known.has(v.spelling.toUpperCase())).toBe(false);
    expect(model.spelling.variants[0]!.spelling).toBe('Усонов Манызбек Жумабекович');
    expect(model.spelling.variantsText.split('; ')).toHaveLength(10);
  });

  it('builds the batch list, keeping the Kyrgyz spelling beside the Russian one only when it differs', () => {
    const batch = fixtureModel('batch_list_letter');
    expect(batch.citizensCount).toBe(60);
    expect(batch.citizens[0]).toMatchObject({ index: 1, names: 'Усенов Манызбек Бакытович (Үсөнов Маңызбек Бакытович)', document: 'ID-карта ID 2000000' });
    expect(batch.citizens.find((c) => c.fullNameKy === c.fullNameRu)?.names).not.toContain('(');
  });

  it('is pure: the same inputs give the same model and are not changed', () => {
    const inputs = fixtureInputs('complaint_superior');
    const before = JSON.stringify(inputs);
    expect(buildDocumentModel(inputs)).toEqual(buildDocumentModel(inputs));
    expect(JSON.stringify(inputs)).toBe(before);
  });
});

describe('resolveField', () => {
  const model = fixtureModel('mission_letter_mvd');

  it('reads nested fields and array elements', () => {
    expect(resolveField(model, 'person.nameRu.surname')).toBe('Усенов');
    expect(resolveField(model, 'attachments.1.title')).toBe('Копия паспорта гражданина Кыргызской Республики AC 1234567');
    expect(resolveField(model, 'attachments.7.title')).toBeNull();
  });

  it('tells an empty optional group (null) from a name no model has (UNKNOWN)', () => {
    expect(resolveField(model, 'previous.number')).toBeNull();
    expect(resolveField(model, 'person.fullNameRuss')).toBe(UNKNOWN);
    expect(resolveField(model, 'person.fullNameRu.length')).toBe(UNKNOWN);
    expect(resolveField(model, 'legal.no-such-act.cite')).toBeNull();
    expect(resolveField(model, 'legal.pp-1899.cite')).toBeNull();
  });

  it('counts blank strings, empty arrays, null and false as absent', () => {
    for (const value of ['', '   ', [], null, undefined, false, UNKNOWN]) expect(isPresent(value)).toBe(false);
    for (const value of ['x', [1], 0, true, {}]) expect(isPresent(value)).toBe(true);
  });
});

describe('missingRequisites and reviewFields', () => {
  it('reports every empty requisite in the template order, with its Russian label', () => {
    const template = factoryTemplate('citizen_application_mvd');
    expect(missingRequisites(template, fixtureModel('citizen_application_mvd'))).toEqual([]);
    const inputs = fixtureInputs('citizen_application_mvd');
    const model = buildDocumentModel({ ...inputs, addressee: null, person: { ...inputs.person, ruPostalAddress: '' }, documents: [] });
    expect(missingRequisites(template, model)).toEqual([
      { path: 'addressee.block', label: 'наименование органа или должностного лица, которому направляется заявление (адресат)' },
      { path: 'person.postalAddress', label: 'почтовый адрес для ответа' },
      { path: 'documents.current', label: 'действующий документ, удостоверяющий личность' },
    ]);
  });

  it('treats an empty list as a missing requisite (the batch letter without citizens)', () => {
    const model = buildDocumentModel({ ...fixtureInputs('batch_list_letter'), citizens: [] });
    expect(missingRequisites(factoryTemplate('batch_list_letter'), model)).toEqual([{ path: 'citizens', label: 'список граждан' }]);
  });

  it('lists every field a template uses with its value, marking requisites and gaps', () => {
    const fields = reviewFields(factoryTemplate('mission_letter_mvd'), fixtureModel('mission_letter_mvd'));
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('outgoing.number')).toEqual({ path: 'outgoing.number', value: 'КР-М/2025-0147', requisite: 'исходящий номер', missing: false });
    expect(byPath.get('person.fullNameKy')).toMatchObject({ value: 'Үсөнов Маңызбек Жумабекович', requisite: null, missing: false });
    expect(byPath.get('addressee.address')).toMatchObject({ value: '', missing: true, requisite: null });
    expect(byPath.get('attachments')).toMatchObject({ value: '2', missing: false });
    expect(byPath.get('facts[].line')?.value).toHaveLength(3);
    expect(byPath.get('statement')).toMatchObject({ value: '', missing: true });
    expect(fields.filter((f) => f.requisite !== null).map((f) => f.path)).toEqual(factoryTemplate('mission_letter_mvd').requisites.map((r) => r.path));
    expect(new Set(fields.map((f) => f.path)).size).toBe(fields.length);
  });
});

describe('Russian forms', () => {
  it('initials: «Фамилия И.О.» and «И.О. Фамилия», a «уулу» patronymic giving the father’s initial', () => {
    expect(nameForms('Үсөнов', 'Маңызбек', 'Жумабекович')).toEqual({ short: 'Үсөнов М.Ж.', sign: 'М.Ж. Үсөнов' });
    expect(nameForms('Асанбеков', 'Нурлан', 'Асанбек уулу')).toEqual({ short: 'Асанбеков Н.А.', sign: 'Н.А. Асанбеков' });
    expect(nameForms('Ли', 'Ирина', '')).toEqual({ short: 'Ли И.', sign: 'И. Ли' });
    expect(nameFormsOfFull('  Токтогулов   Бакыт Асанович ')).toEqual({ short: 'Токтогулов Б.А.', sign: 'Б.А. Токтогулов' });
  });

  it('mission names in the genitive, and an unknown head word left as it is', () => {
    expect(missionNameForms('Генеральное консульство Кыргызской Республики в г. Екатеринбурге')).toMatchObject({
      short: 'Генеральное консульство',
      shortGen: 'Генерального консульства',
      nameGen: 'Генерального консульства Кыргызской Республики в г. Екатеринбурге',
      known: true,
    });
    expect(missionNameForms('Миссия Кыргызской Республики')).toMatchObject({ nameGen: 'Миссия Кыргызской Республики', known: false });
  });

  it('dates in words, the city of an address, citations of unknown acts', () => {
    expect(dateWordsRu('2025-02-05')).toBe('5 февраля 2025 года');
    expect(dateWordsRu('2025-02-30')).toBe('');
    expect(cityOfAddress('119017, г. Москва, ул. Большая Ордынка, д. 64')).toBe('Москва');
    expect(cityOfAddress('Екатеринбург, ул. Ленина')).toBe('');
    expect(citeRu('Федеральный закон от 02.05.2006 № 59-ФЗ', 'ст. 7')).toBe('ст. 7 Федерального закона от 02.05.2006 № 59-ФЗ');
    expect(citeRu('Венская конвенция о консульских сношениях 1963 года', 'ст. 38')).toBe('ст. 38 Венской конвенции о консульских сношениях 1963 года');
    expect(citeRu('Решение коллегии', 'п. 2')).toBe('Решение коллегии, п. 2');
  });
});

describe('spelling reasons', () => {
  it('aligns a spelling with the Kyrgyz name letter by letter', () => {
    expect(substitutions('Жаңыл Өмүрова', 'Джанил Омурова', 'russian')).toEqual([
      { from: 'Ж', to: 'ДЖ' },
      { from: 'Ң', to: 'Н' },
      { from: 'Ы', to: 'И' },
      { from: 'Ө', to: 'О' },
      { from: 'Ү', to: 'У' },
    ]);
    expect(substitutions('Жаңыл', 'JANYL', 'latin')).toEqual([
      { from: 'Ж', to: 'J' },
      { from: 'Ң', to: 'N' },
      { from: 'Ы', to: 'Y' },
    ]);
    expect(substitutions('Жаңыл', 'Айгуль', 'russian')).toBeNull();
  });

  it('says when a spelling is another form rather than a transliteration', () => {
    const reference = { text: 'Асанбеков Нурлан Асанбекович', patronymic: 'Асанбекович', patronymicKy: 'Асанбекович' };
    expect(nb(spellingReason('Асанбеков Нурлан Асанбекович', 'Нурлан Асанбеков Асанбекович', reference))).toBe('тот же состав имени в ином порядке слов');
    expect(nb(spellingReason('Асанбеков Нурлан Асанбекович', 'Асанбек уулу Нурлан', reference))).toContain('иная форма записи');
    expect(nb(spellingReason('Асанбеков Нурлан Асанбекович', 'Асанбеков Нурлан', reference))).toBe('отчество не указано');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfEngine } from '../../../../../../electron/main/pdf/engine';
import { defaultFontDir } from '../../../../../../electron/main/pdf/fonts';
import { templateDoc, templatePdf, TemplateRefusedError, type TemplatePdf } from '../../../../../../electron/main/pdf/templates/layout';
import { buildDocumentModel, type DocumentInputs } from '../../../../../../shared/documents/model';
import { TEMPLATE_KINDS, type TemplateKind } from '../../../../../../shared/documents/template-schema';
import { factoryBundle } from '../../../../support/reference-fixtures';
import { CASEWORKER, factoryTemplate, fixtureInputs, fixtureModel, GENERATED_AT, MISSION, SIGNATORY } from '../../../../support/document-fixtures';
import { flat, pageCount, PdfWorkspace, type PdfReadout } from '../../../../support/pdf-reader';

/**
 * Golden tests: every factory template rendered from the fixture case, read back with pdftotext, must carry
 * every requisite the issue lists for it, in Russian official form, with the Kyrgyz letters intact.
 */

const engine = createPdfEngine(defaultFontDir());
const work = new PdfWorkspace();
afterAll(() => work.dispose());

const rendered = new Map<TemplateKind, { doc: TemplatePdf; pdf: PdfReadout }>();

async function render(kind: TemplateKind, inputs: DocumentInputs = fixtureInputs(kind)): Promise<{ doc: TemplatePdf; pdf: PdfReadout }> {
  const doc = await templatePdf(engine, factoryTemplate(kind), buildDocumentModel(inputs), { generatedAt: GENERATED_AT });
  return { doc, pdf: work.read(doc.pdf, kind) };
}

beforeAll(async () => {
  for (const kind of TEMPLATE_KINDS) rendered.set(kind, await render(kind));
});

function get(kind: TemplateKind) {
  const found = rendered.get(kind);
  if (!found) throw new Error(`not rendered: ${kind}`);
  return found;
}

const KY_NAME = 'Үсөнов Маңызбек Жумабекович';
const RU_NAME = 'Усенов Манызбек Жумабекович';
const LETTERHEAD = [MISSION.nameRu.toUpperCase(), MISSION.nameKy.toUpperCase()];
const EXECUTOR = `Исп.: ${CASEWORKER.fullName}, тел. ${CASEWORKER.phone}`;
const SIGNATURE = [SIGNATORY.position, 'Б.А. Токтогулов', 'М.П.'];

function expectAll(pdf: PdfReadout, expected: readonly string[]): void {
  for (const text of expected) expect(pdf.flat, text).toContain(flat(text));
}

/** Each text appears, and after the one before it. */
function expectInOrder(pdf: PdfReadout, expected: readonly string[]): void {
  let from = 0;
  for (const text of expected) {
    const at = pdf.flat.indexOf(flat(text), from);
    expect(at, `«${text}» after position ${from}`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
}

function expectKyrgyzLetters(pdf: PdfReadout, ...texts: string[]): void {
  for (const letter of ['ң', 'ө', 'Ү']) expect(pdf.text).toContain(letter);
  for (const text of texts) expect(pdf.flat).toContain(text);
}

/** The mark of an official letter: number, date, signature, executor on the foot of the last page. */
function expectLetterRequisites(kind: TemplateKind, number: string, date: string): void {
  const { pdf } = get(kind);
  expectInOrder(pdf, [...LETTERHEAD, `${date} № ${number}`]);
  expectInOrder(pdf, ['С уважением,', ...SIGNATURE]);
  const pages = pageCount(pdf);
  expect(work.band(pdf, pages, 'bottom')).toBe(EXECUTOR);
  for (let page = 1; page < pages; page++) expect(work.band(pdf, page, 'bottom')).toBe('');
}

describe('factory templates rendered from the fixture case', () => {
  it('every PDF is A4, records its template id and version, and reports its page count', () => {
    for (const kind of TEMPLATE_KINDS) {
      const { doc, pdf } = get(kind);
      expect(pdf.info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(pdf.info).toContain(`Keywords:        aryz-template:${kind}@1; kind:${kind}`);
      expect(doc).toMatchObject({ templateId: kind, templateVersion: 1 });
      expect(doc.pages).toBe(pageCount(pdf));
      expect(pdf.pages).toHaveLength(doc.pages);
    }
  });

  it('numbers pages from the second page, top centre, and leaves page 1 unnumbered', () => {
    const multi = TEMPLATE_KINDS.filter((kind) => get(kind).doc.pages > 1);
    expect(multi).toEqual(expect.arrayContaining(['batch_list_letter', 'mission_letter_mvd', 'citizen_memo']));
    for (const kind of TEMPLATE_KINDS) {
      const { pdf, doc } = get(kind);
      expect(work.band(pdf, 1, 'top'), kind).toBe('');
      for (let page = 2; page <= doc.pages; page++) expect(work.band(pdf, page, 'top'), `${kind} p.${page}`).toBe(String(page));
    }
  });

  it('1. citizen application to the mission: request, consent, authority to forward, date and signature', () => {
    const { pdf } = get('citizen_application_mission');
    expectInOrder(pdf, [
      `В ${MISSION.nameRu}`,
      `Заявитель: ${RU_NAME}`,
      `(в документах Кыргызской Республики — ${KY_NAME})`,
      'адрес для ответа: 109028, г. Москва, ул. Солянка, д. 1, кв. 5',
      'ЗАЯВЛЕНИЕ',
      `Я, ${RU_NAME}, гражданин Кыргызской Республики, 12.03.1990 года рождения, прошу оказать мне содействие`,
      'Уполномочиваю Посольство Кыргызской Республики в Российской Федерации направить настоящее заявление',
      'Даю согласие на обработку моих персональных данных',
      'сотрудниками Посольства Кыргызской Республики в Российской Федерации',
      'Приложение: 1. Заявление гражданина на 2 л. в 1 экз.',
      '05.02.2025',
      'Усенов М.Ж.',
      '(подпись)',
    ]);
    expectAll(pdf, ['общегражданский паспорт гражданина Кыргызской Республики образца 2023 года AC 1234567', 'ID-карта ID 0456789 от 01.06.2017 (заменена)']);
    expectKyrgyzLetters(pdf, KY_NAME);
  });

  it('2. citizen application to the MVD: every requisite of 59-ФЗ art. 7', () => {
    const { pdf } = get('citizen_application_mvd');
    expectInOrder(pdf, [
      'Начальнику Управления по вопросам миграции ГУ МВД России по г. Москве', // addressee
      `Заявитель: ${RU_NAME}`, // applicant's full name
      'почтовый адрес для ответа: 109028, г. Москва, ул. Солянка, д. 1, кв. 5', // postal address for the reply
      'ЗАЯВЛЕНИЕ',
      'об исключении сведений из реестра контролируемых лиц',
      'На основании изложенного прошу:', // the request
      '1) проверить обоснованность включения сведений обо мне в реестр контролируемых лиц;',
      '2) исключить сведения обо мне из реестра контролируемых лиц',
      '3) дать мне письменный ответ по почтовому адресу: 109028, г. Москва, ул. Солянка, д. 1, кв. 5.',
      'в срок, установленный ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»',
      '05.02.2025', // date
      'Усенов М.Ж.',
      '(подпись)', // signature
    ]);
    expectAll(pdf, ['въезд в Российскую Федерацию 10.04.2023 через пункт пропуска Москва (Домодедово)', 'Об этом мне стало известно 20.01.2025 из сообщения банка.']);
    expectKyrgyzLetters(pdf, KY_NAME);
  });

  it('3. mission letter (ходатайство): letterhead, number, addressee, «О …», salutation, body, signature, seal, attachments, executor', () => {
    const { pdf } = get('mission_letter_mvd');
    expectInOrder(pdf, [
      ...LETTERHEAD,
      '05.02.2025 № КР-М/2025-0147',
      'Начальнику Управления по вопросам миграции ГУ МВД России по г. Москве',
      'О проверке обоснованности включения сведений в реестр контролируемых лиц',
      'Уважаемый господин начальник!',
      `В Посольство Кыргызской Республики в Российской Федерации обратился гражданин Кыргызской Республики ${RU_NAME}`,
      `Фамилия, имя, отчество: ${RU_NAME}`,
      // The label wraps in its column: its first line shares the line with the value.
      `В документах Кыргызской ${KY_NAME}`,
      'Латиницей (по паспорту): USONOV MANGYZBEK',
      'ПИН: 21203199000123',
      'О включении сведений в реестр заявителю стало известно 20.01.2025 из сообщения банка.', // facts
      'Согласно документам, представленным заявителем:',
      'трудовой договор № 15/23 от 12.04.2023 с работодателем ООО «СтройМонтаж» (ИНН 7701234567)',
      // The cause's letter arguments (reference data), with the case's own documents; never its explanation.
      'Посольство обращает внимание на следующие обстоятельства, установленные по документам заявителя.',
      'Документ, удостоверяющий личность заявителя, был заменён: прежний документ — ID-карта ID 0456789, действующий — паспорт AC 1234567.',
      'Просим проверить, не связаны ли сведения в реестре с прежним документом заявителя (ID-карта ID 0456789).',
      'Просим при проверке учитывать также следующие варианты написания:', // spelling variants
      'Усонов Манызбек Жумабекович; Усонов Манызбек Джумабекович',
      'USONOV MANGYZBEK ZHUMABEKOVICH',
      'просим Вас проверить обоснованность включения сведений о заявителе в реестр контролируемых лиц', // the request
      'просим письменно проинформировать Посольство Кыргызской Республики в Российской Федерации по адресу: 119017, г. Москва', // written answer
      'Приложение: 1. Заявление гражданина на 2 л. в 1 экз.',
      '2. Копия паспорта гражданина Кыргызской Республики AC 1234567 на 1 л. в 1 экз.',
      'С уважением,',
      ...SIGNATURE,
    ]);
    expectLetterRequisites('mission_letter_mvd', 'КР-М/2025-0147', '05.02.2025');
    expectKyrgyzLetters(pdf, KY_NAME, 'КЫРГЫЗ РЕСПУБЛИКАСЫНЫН');
  });

  it('4. verbal note: third person, courtesy formulas, number, place and date, annex, seal', () => {
    const { pdf } = get('verbal_note_mfa');
    expectInOrder(pdf, [
      ...LETTERHEAD,
      '№ КР-М/2025-0148',
      'Посольство Кыргызской Республики в Российской Федерации свидетельствует своё уважение Министерству иностранных дел Российской Федерации (Консульскому департаменту) и имеет честь обратиться',
      `Фамилия, имя, отчество: ${RU_NAME}`,
      'Посольство просит Министерство довести изложенное до сведения компетентного подразделения',
      'Посольство пользуется случаем, чтобы возобновить Министерству уверения в своём высоком уважении.',
      'Приложение: 1. Заявление гражданина на 2 л. в 1 экз.',
      'Москва, 5 февраля 2025 года',
      'М.П.',
      'Министерству иностранных дел Российской Федерации (Консульскому департаменту)',
    ]);
    // Third person throughout: no salutation, no first person, no signature closing.
    for (const firstPerson of ['Уважаемый', 'С уважением', 'Прошу', 'просим', 'Просим', ' мы ', 'нами']) expect(pdf.flat).not.toContain(firstPerson);
    expectKyrgyzLetters(pdf, KY_NAME);
  });

  it('5. cover letter: forwards the citizen application with its attachments', () => {
    const { pdf } = get('cover_letter');
    expectInOrder(pdf, [
      'Начальнику Управления по вопросам миграции ГУ МВД России по г. Москве',
      'О направлении заявления гражданина Кыргызской Республики',
      'Уважаемый господин начальник!',
      `направляет для рассмотрения по существу заявление гражданина Кыргызской Республики (${RU_NAME}, 12.03.1990 г. р., паспорт AC 1234567)`,
      `записаны как ${KY_NAME}, латиницей — USONOV MANGYZBEK`,
      'ответ заявителю по почтовому адресу, указанному в заявлении',
      'Приложение: 1. Заявление гражданина на 2 л. в 1 экз.',
    ]);
    expectLetterRequisites('cover_letter', 'КР-М/2025-0147', '05.02.2025');
    expectKyrgyzLetters(pdf, KY_NAME);
  });

  it("6. reminder: cites our outgoing number and date and the addressee's incoming number", () => {
    const { pdf } = get('reminder');
    expectInOrder(pdf, [
      'О повторном обращении по письму от 05.02.2025 № КР-М/2025-0147',
      'Уважаемый господин начальник!',
      'письмом от 05.02.2025 № КР-М/2025-0147 обратилось к Вам с просьбой',
      'Указанное письмо зарегистрировано 10.02.2025 за вх. № 3/25-11873.',
      'По состоянию на 20.03.2025 ответ в Посольство не поступил',
      'ограничения, предусмотренные ст. 31.1 Федерального закона от 25.07.2002 № 115-ФЗ',
      'Просим ускорить рассмотрение письма Посольства',
      'Приложение: Копия письма от 05.02.2025 № КР-М/2025-0147 на 3 л. в 1 экз.',
    ]);
    expectLetterRequisites('reminder', 'КР-М/2025-0201', '20.03.2025');
    expectKyrgyzLetters(pdf, `записаны как ${KY_NAME}.`);
  });

  it('6. reminder without a known incoming number leaves that sentence out', async () => {
    const inputs = fixtureInputs('reminder');
    const { pdf } = await render('reminder', { ...inputs, previous: { ...inputs.previous!, incomingNumber: '', incomingDate: '' } });
    expect(pdf.flat).not.toContain('вх.');
    expect(pdf.flat).toContain('письмом от 05.02.2025 № КР-М/2025-0147 обратилось к Вам');
  });

  it('7. complaint to the superior MVD body: no answer, and an answer it disagrees with', async () => {
    const { pdf } = get('complaint_superior');
    expectInOrder(pdf, [
      'Первому заместителю Министра внутренних дел Российской Федерации — начальнику Службы по вопросам гражданства и регистрации иностранных граждан МВД России',
      'Об обжаловании результатов рассмотрения письма от 05.02.2025 № КР-М/2025-0147',
      'Уважаемый господин начальник Службы!',
      '(адресат — Управление по вопросам миграции ГУ МВД России по г. Москве)',
      'Указанное письмо зарегистрировано 10.02.2025 за вх. № 3/25-11873.',
      'По состоянию на 15.04.2025 ответ на указанное письмо не поступил',
      'дать оценку действиям (бездействию) должностных лиц',
      'Приложение: 1. Копия письма от 05.02.2025 № КР-М/2025-0147 на 3 л. в 1 экз.',
    ]);
    expectLetterRequisites('complaint_superior', 'КР-М/2025-0263', '15.04.2025');
    // The paragraph names the Kyrgyz letters the name really has (a page break may fall inside it).
    expectKyrgyzLetters(pdf, `записаны как ${KY_NAME}`);
    expect(pdf.flat).toMatch(/букв кыргызского алфавита \(ң, ө, ү\), отсутствующих/);

    const answered = await render('complaint_superior', {
      ...fixtureInputs('complaint_superior'),
      answer: { number: '3/25-20001', date: '2025-03-01', summary: 'оснований для исключения сведений из реестра не установлено.' },
    });
    expectInOrder(answered.pdf, [
      'В ответе от 01.03.2025 № 3/25-20001 сообщено следующее: оснований для исключения сведений из реестра не установлено.',
      'Посольство не может согласиться с таким результатом',
    ]);
    expect(answered.pdf.flat).not.toContain('ответ на указанное письмо не поступил');
  });

  it('8. certificate of name spellings: every spelling in every script, with the reason', () => {
    const { pdf } = get('name_spelling_certificate');
    expectInOrder(pdf, [...LETTERHEAD, '05.02.2025 № КР-М/2025-0149', 'СПРАВКА', 'о написании фамилии, имени и отчества']);
    expect(pdf.text).toMatch(/№\s+Написание\s+Алфавит\s+Где встречается\s+Причина различия/);
    // -layout prints a table line by line: each cell's first line sits on the row's first line.
    for (const [row, spelling, script, reason] of [
      ['1', 'Үсөнов Маңызбек', 'кыргызская', 'написание по кыргызской'],
      ['2', 'Усенов Манызбек', 'русская', 'передача средствами'],
      ['3', 'USONOV', 'латиница', 'отчество не указано;'],
      ['4', 'Усенов Манызбек', 'русская', 'отчество не указано;'],
      ['5', 'USENOV MANYZBEK', 'латиница', 'отчество не указано;'],
    ] as const) {
      expect(pdf.text).toMatch(new RegExp(`^\\s*${row}\\s+${spelling}\\s+${script}\\s.*${reason}`, 'm'));
    }
    // A spelling whose difference is unexplained is not certified: it is listed apart, after the certifying sentence.
    expect(pdf.text).not.toMatch(/^\s*6\s+Усёнов/m);
    expectInOrder(pdf, ['Все приведённые в таблице написания относятся к одному и тому же лицу.', 'настоящей справкой не подтверждаются:', 'Усёнов Маназбек (уведомление банка).']);
    expectAll(pdf, ['ү → у', 'ө → е', 'ң → н', 'ң → NG', 'ң → N', 'миграционная карта', 'авиабилет']);
    expectAll(pdf, ['Все приведённые в таблице написания относятся к одному и тому же лицу.', 'Справка выдана для представления в компетентные органы Российской Федерации.']);
    expectInOrder(pdf, [SIGNATORY.position, 'Б.А. Токтогулов', 'М.П.']);
    expectKyrgyzLetters(pdf, 'Үсөнов Маңызбек');
  });

  it('9. memo in Kyrgyz and Russian: what was sent, when an answer is due, restrictions, how to re-check', () => {
    const { pdf, doc } = get('citizen_memo');
    expect(doc.pages).toBe(2);
    const [ky, ru] = pdf.pages.map(flat) as [string, string];
    for (const text of [
      'ЭСКЕРТМЕ',
      `Кимге: ${KY_NAME}`,
      'Сиздин арызыңыз боюнча төмөнкү документтер жөнөтүлдү:',
      '05.02.2025, № КР-М/2025-0147: Өтүнүч кат — Управление по вопросам миграции ГУ МВД России по г. Москве;',
      // The answer date of the letter actually sent, named, fully in Kyrgyz in the Kyrgyz half.
      'Өтүнүч кат (05.02.2025, № КР-М/2025-0147) боюнча жооп күтүлгөн болжолдуу мөөнөт: 07.03.2025.',
      'Реестрде турган мезгилде төмөнкү чектөөлөр колдонулат:',
      'никеге турууга тыюу салынат;',
      'Реестрди кайра кантип текшерүүгө болот:',
      'жаңы жана мурунку паспортуңуз боюнча өзүнчө текшериңиз;',
    ]) {
      expect(ky, text).toContain(text);
    }
    for (const text of [
      'ПАМЯТКА',
      `Кому: ${RU_NAME} (${KY_NAME})`,
      'По Вашему заявлению направлены следующие документы:',
      'Ходатайство от 05.02.2025 № КР-М/2025-0147 — Управление по вопросам миграции ГУ МВД России по г. Москве;',
      'Вербальная нота от 05.02.2025 № КР-М/2025-0148 — МИД России (Консульский департамент).',
      'Ориентировочный срок ответа на Ходатайство от 05.02.2025 № КР-М/2025-0147: 07.03.2025.',
      'запрещено заключать брак;',
      'Как повторно проверить реестр:',
      'проверяйте отдельно по действующему и по прежнему паспорту;',
    ]) {
      expect(ru, text).toContain(text);
    }
    expect(ky).not.toContain('ПАМЯТКА');
    expectKyrgyzLetters(pdf, KY_NAME);
  });

  it('10. receipt for documents: list of what was received, both signatures, on one page', () => {
    const { pdf, doc } = get('receipt');
    expect(doc.pages).toBe(1);
    expectInOrder(pdf, [
      ...LETTERHEAD,
      'РАСПИСКА',
      'в получении документов',
      'Дело № М-2025-0042',
      `Заявитель: ${RU_NAME} (${KY_NAME}), 12.03.1990 г. р., паспорт AC 1234567.`,
      'приняло от заявителя следующие документы:',
      'Всего принято документов: 2, листов: 3.',
      'Документы принял:',
      `${CASEWORKER.position} Г.Б. Асанова`,
      'Документы сдал, второй экземпляр расписки получил:',
      'Усенов М.Ж.',
      '(подпись)',
    ]);
    expect(pdf.text).toMatch(/^\s*1\s+Заявление гражданина\s+подлинник\s+2\s+1\s*$/m);
    expect(pdf.text).toMatch(/^\s*2\s+Копия паспорта гражданина Кыргызской Республики AC\s+копия\s+1\s+1\s*$/m);
    expectKyrgyzLetters(pdf, KY_NAME);
  });

  it('11. batch list letter: 60 citizens over several pages, the table header repeated on each', () => {
    const { pdf, doc } = get('batch_list_letter');
    expect(doc.pages).toBeGreaterThanOrEqual(2);
    expectInOrder(pdf, [
      'О проверке сведений реестра контролируемых лиц в отношении граждан Кыргызской Республики',
      'Уважаемый господин начальник!',
      'перечисленных в приведённом ниже списке (всего 60 чел.)',
      'Усенов Манызбек Бакытович',
      '(Үсөнов Маңызбек Бакытович)',
      'О результатах рассмотрения просим письменно проинформировать',
    ]);
    expectLetterRequisites('batch_list_letter', 'КР-М/2025-0150', '05.02.2025');
    const header = /№ п\/п\s+Фамилия, имя, отчество\s+Дата\s+Документ,/;
    const tablePages = pdf.pages.filter((page) => /^\s*\d+\s+\S+ \S+/m.test(page) && /\d{2}\.\d{2}\.\d{4}/.test(page));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of pdf.pages.slice(0, -1)) expect(page).toMatch(header);
    expect(pdf.pages[1]).toMatch(header);
    // A continued table starts with a whole row: the first line under the repeated header is a numbered row.
    for (const page of pdf.pages.slice(1)) {
      const lines = page.split('\n');
      const headerEnd = lines.findIndex((line) => /^\s+личность\s*$/.test(line));
      if (headerEnd < 0) continue;
      const next = lines.slice(headerEnd + 1).find((line) => line.trim() !== '');
      expect(next).toMatch(/^\s{0,6}\d{1,2}\s{2,}\S/);
    }
    // Every row once, numbered 1…60, never split across pages.
    const numbers = [...pdf.text.matchAll(/^\s{0,6}(\d{1,2})\s{2,}\S/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expectKyrgyzLetters(pdf, 'Үсөнов Маңызбек');
  });
});

describe('12. answer to the applicant', () => {
  it('answers the citizen at his postal address: the request as recorded (when, how, what) and the answer text, signed', () => {
    const { pdf } = get('citizen_answer');
    const person = fixtureInputs('citizen_answer').person;
    expectInOrder(pdf, [
      'Усенов Манызбек Жумабекович',
      person.ruPostalAddress,
      'Об ответе на обращение',
      'Уважаемый Манызбек Жумабекович!',
      'Посольство Кыргызской Республики в Российской Федерации рассмотрело Ваше обращение, поступившее 10.02.2025 по электронной почте, по вопросу: сообщить, на каком этапе рассмотрение его заявления об исключении из реестра.',
      'Ходатайство Посольства направлено в МВД России 05.02.2025; ответ ожидается.',
    ]);
    expectLetterRequisites('citizen_answer', 'КР-М/2025-0180', '03.03.2025');
    // It states no term of law: the answer term is unverified reference data.
    expect(pdf.flat).not.toMatch(/59-ФЗ|30 дней/);
  });

  it('asks for what the case does not show instead of printing it: no answer recorded, no postal address', () => {
    const inputs = fixtureInputs('citizen_answer');
    const model = buildDocumentModel({
      ...inputs,
      person: { ...inputs.person, ruPostalAddress: '' },
      appeal: { receivedOn: '2025-02-10', channel: 'post', request: 'помочь с исключением из реестра' },
    });
    let error: unknown;
    try {
      templateDoc(factoryTemplate('citizen_answer'), model, { generatedAt: GENERATED_AT });
    } catch (caught) {
      error = caught;
    }
    expect((error as TemplateRefusedError).refusal).toEqual({
      status: 'refused',
      reason: 'missing_requisites',
      missing: [
        { path: 'person.postalAddress', label: 'почтовый адрес заявителя для ответа' },
        { path: 'appeal.answerText', label: 'текст ответа (записать ответ на странице дела)' },
      ],
    });
    const none = buildDocumentModel({ ...inputs, appeal: null });
    expect(() => templateDoc(factoryTemplate('citizen_answer'), none, { generatedAt: GENERATED_AT })).toThrow(/дата поступления обращения/);
  });
});

describe('refusing to generate', () => {
  it('names the missing postal address on the citizen application to the MVD (59-ФЗ art. 7)', () => {
    const inputs = fixtureInputs('citizen_application_mvd');
    const model = buildDocumentModel({ ...inputs, person: { ...inputs.person, ruPostalAddress: '   ' } });
    let error: unknown;
    try {
      templateDoc(factoryTemplate('citizen_application_mvd'), model, { generatedAt: GENERATED_AT });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateRefusedError);
    const refused = error as TemplateRefusedError;
    expect(refused.refusal).toEqual({ status: 'refused', reason: 'missing_requisites', missing: [{ path: 'person.postalAddress', label: 'почтовый адрес для ответа' }] });
    expect(refused.message).toContain('почтовый адрес для ответа');
  });

  it('names the missing outgoing number on the mission letter, and every other missing requisite with it', async () => {
    const model = buildDocumentModel({ ...fixtureInputs('mission_letter_mvd'), outgoing: null, attachments: [], caseworker: { ...CASEWORKER, phone: '' }, mission: { ...MISSION, phones: '' } });
    await expect(templatePdf(engine, factoryTemplate('mission_letter_mvd'), model, { generatedAt: GENERATED_AT })).rejects.toMatchObject({
      refusal: {
        status: 'refused',
        reason: 'missing_requisites',
        missing: [
          { path: 'outgoing.number', label: 'исходящий номер' },
          { path: 'outgoing.date', label: 'дата письма' },
          { path: 'executor.phone', label: 'телефон исполнителя' },
          { path: 'attachments', label: 'перечень приложений (наименование, число листов и экземпляров)' },
        ],
      },
    });
  });

  it('refuses a letter without an addressee', () => {
    const letter = buildDocumentModel({ ...fixtureInputs('cover_letter'), addressee: null });
    expect(() => templateDoc(factoryTemplate('cover_letter'), letter, { generatedAt: GENERATED_AT })).toThrow(/адресат/);
  });

  it('the memo says plainly when nothing was sent, and never presents a lapsed term as expected', async () => {
    const none = (await render('citizen_memo', { ...fixtureInputs('citizen_memo'), sent: [], expectedAnswer: null })).pdf.flat;
    expect(none).toContain('По Вашему заявлению письма пока не направлены.');
    expect(none).toContain('Сиздин ишиңиз боюнча азырынча эч кандай кат жөнөтүлгөн жок.');
    expect(none).not.toContain('Ориентировочный срок ответа');
    const lapsed = (await render('citizen_memo', { ...fixtureInputs('citizen_memo'), date: '2025-04-01' })).pdf.flat;
    expect(lapsed).toContain('Срок ответа на Ходатайство от 05.02.2025 № КР-М/2025-0147 истёк 07.03.2025, ответ пока не поступил');
    expect(lapsed).not.toContain('Ориентировочный срок ответа');
    // The 30-day rule of 59-ФЗ art. 12 only next to the citizen's own appeal it governs.
    expect(lapsed).not.toContain('рассматривается в течение 30 дней');
    const appeal = (await render('citizen_memo', { ...fixtureInputs('citizen_memo'), expectedAnswer: { title: 'Заявление гражданина', titleKy: 'Жарандын арызы', number: '', date: '2025-02-05', due: '2025-03-10', appeal: true } })).pdf.flat;
    expect(appeal).toContain('рассматривается в течение 30 дней');
  });

  it('reports a template field the model does not have instead of printing a blank', () => {
    const template = factoryTemplate('cover_letter');
    const broken = { ...template, blocks: [...template.blocks, { type: 'paragraph' as const, text: 'Тел.: {{person.phoneNumber}}', align: 'justify' as const, indent: true, bold: false, spaceBefore: 0 }] };
    expect(() => templateDoc(broken, fixtureModel('cover_letter'), { generatedAt: GENERATED_AT })).toThrow(
      expect.objectContaining({ refusal: { status: 'refused', reason: 'unknown_fields', fields: ['person.phoneNumber'] } }),
    );
  });
});

describe('legal citations', () => {
  it('cites only verified provisions: an unverified one drops out with its sentence', async () => {
    const refs = factoryBundle().legalRefs.map((ref) => (ref.id === '59fz-art12' ? { ...ref, verification: 'unverified' as const } : ref));
    const { pdf } = await render('citizen_application_mvd', { ...fixtureInputs('citizen_application_mvd'), legalRefs: refs });
    expect(pdf.flat).not.toContain('59-ФЗ');
    expect(pdf.flat).not.toContain('в срок, установленный');
    expect(pdf.flat).toContain('На основании изложенного прошу:');
    const cover = await render('cover_letter', { ...fixtureInputs('cover_letter'), legalRefs: refs });
    expect(cover.pdf.flat).toContain('Просим рассмотреть заявление в установленном порядке');
  });
});

describe('layout', () => {
  it('uses A4 with 20/10/20/20 mm fields and never prints left of the left field or right of the right one', async () => {
    const doc = templateDoc(factoryTemplate('mission_letter_mvd'), fixtureModel('mission_letter_mvd'), { generatedAt: GENERATED_AT });
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageMargins).toEqual([20 * 2.8346, 20 * 2.8346, 10 * 2.8346, 20 * 2.8346]);
    const { execFileSync } = await import('node:child_process');
    for (const kind of ['mission_letter_mvd', 'batch_list_letter', 'name_spelling_certificate'] as const) {
      const bbox = execFileSync('pdftotext', ['-bbox', get(kind).pdf.file, '-'], { encoding: 'utf8' });
      const xs = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)];
      expect(Math.min(...xs.map((m) => Number(m[1]))), kind).toBeGreaterThanOrEqual(20 * 2.8346 - 0.5);
      expect(Math.max(...xs.map((m) => Number(m[2]))), kind).toBeLessThanOrEqual(595.28 - 10 * 2.8346 + 0.5);
    }
  });

  it('puts the outgoing number top left and the addressee top right, with «На № … от …» when answering', async () => {
    const { pdf } = await render('mission_letter_mvd', { ...fixtureInputs('mission_letter_mvd'), theirs: { number: '3/25-9001', date: '2025-01-30' } });
    const lines = pdf.pages[0]!.split('\n');
    const first = lines.find((line) => line.includes('КР-М/2025-0147'))!;
    expect(first).toMatch(/^05\.02\.2025\s+№\s+КР-М\/2025-0147\s{3,}Начальнику Управления/);
    expect(lines[lines.indexOf(first) + 1]).toMatch(/^На\s+№\s+3\/25-9001 от 30\.01\.2025\s{3,}миграции ГУ МВД России/);
    // The heading starts at the left margin, under both.
    expect(lines.find((line) => line.includes('О проверке обоснованности'))).toMatch(/^О проверке обоснованности/);
  });

  it('never splits the signature block from its closing formula, wherever the page ends', async () => {
    const sentence = 'Заявитель длительное время проживает по указанному адресу и добросовестно исполняет требования миграционного законодательства. ';
    let crossedPage = false;
    for (let n = 0; n < 14; n++) {
      const { pdf, doc } = await render('mission_letter_mvd', { ...fixtureInputs('mission_letter_mvd'), statement: sentence.repeat(n * 2) });
      const page = pdf.pages.find((p) => p.includes('С уважением,'))!;
      const words = flat(page);
      expect(words, `statement ×${n * 2}`).toContain(`${flat(SIGNATORY.position)} Б.А. Токтогулов`);
      expect(words.indexOf('М.П.'), `statement ×${n * 2}`).toBeGreaterThan(words.indexOf('Б.А. Токтогулов'));
      if (pdf.pages.indexOf(page) > 0 && doc.pages > 2) crossedPage = true;
    }
    expect(crossedPage).toBe(true);
  });

  it('keeps the signature block with its closing formula on one page', () => {
    for (const kind of ['mission_letter_mvd', 'cover_letter', 'reminder', 'complaint_superior', 'batch_list_letter'] as const) {
      const page = get(kind).pdf.pages.find((p) => p.includes('С уважением,'));
      expect(page, kind).toBeDefined();
      expect(flat(page!), kind).toContain(`${flat(SIGNATORY.position)} Б.А. Токтогулов`);
    }
  });
});

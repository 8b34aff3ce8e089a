import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createPdfEngine, type PdfEngine } from '../../../../../electron/main/pdf/engine';
import { defaultFontDir, FONT_FILE_NAMES, tinosFontFiles } from '../../../../../electron/main/pdf/fonts';
import { sanitizeFileName } from '../../../../../electron/main/file-name';
import { missionCardDoc, missionCardFileName } from '../../../../../electron/main/pdf/mission-card';
import type { DocDefinition } from '../../../../../electron/main/pdf/types';
import { LIMITS, type CaseworkerProfile, type MissionSettings } from '../../../../../shared/settings/schema';

const work = mkdtempSync(path.join(tmpdir(), 'aryz-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const engine = createPdfEngine(defaultFontDir());
let fileCount = 0;

async function renderToFile(pdf: PdfEngine, doc: DocDefinition): Promise<string> {
  const file = path.join(work, `doc-${++fileCount}.pdf`);
  writeFileSync(file, (await pdf.makePdf(doc)).pdf);
  return file;
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const flat = (text: string) => text.replace(/\s+/g, ' ');
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const pdfFonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

const MISSION: MissionSettings = {
  nameRu: 'Посольство Кыргызской Республики в Российской Федерации',
  nameKy: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
  address: '119017, г. Москва, ул. Большая Ордынка, д. 64',
  phones: '+7 (495) 237-48-82, +7 (495) 237-44-81',
  outgoingPrefix: 'КР-М',
};
const CASEWORKER: CaseworkerProfile = {
  fullName: 'Үсөнов Айсулуу Маңызбаевна',
  position: 'Третий секретарь консульского отдела',
  phone: '+7 (495) 237-48-83',
};
const GENERATED_AT = new Date(2025, 1, 5, 0, 30); // local time: 05.02.2025

/** Realistic text (words, mixed case) cut to exactly `length` characters. */
function longText(length: number, seed = 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги ңөү'): string {
  let text = '';
  while (text.length < length) text += (text ? ' ' : '') + seed;
  const cut = text.slice(0, length);
  return cut.endsWith(' ') ? `${cut.slice(0, -1)}ы` : cut;
}

describe('mission card PDF', () => {
  it('contains every label and value, with the Kyrgyz letters exactly', async () => {
    const file = await renderToFile(engine, missionCardDoc({ mission: MISSION, caseworker: CASEWORKER }, GENERATED_AT));
    const text = pdfText(file);
    const words = flat(text);

    for (const expected of [
      'КАРТОЧКА ПРЕДСТАВИТЕЛЬСТВА',
      'Наименование (рус.)',
      'Наименование (кырг.)',
      'Адрес',
      'Телефоны',
      'Префикс исходящих номеров',
      'Ответственный сотрудник',
      'Ф.И.О.',
      'Должность',
      'Телефон',
      'Сформировано: 05.02.2025',
      ...Object.values(MISSION),
      ...Object.values(CASEWORKER),
    ]) {
      expect(words).toContain(expected);
    }
    expect(words).toContain('Кыргыз Республикасынын Россия Федерациясындагы Элчилиги');
    expect(words).toContain('Үсөнов Айсулуу Маңызбаевна');
    for (const letter of ['ң', 'ө', 'Ү']) expect(text).toContain(letter);
    // Letterhead first (Russian, then Kyrgyz), then the title.
    const ru = text.indexOf(MISSION.nameRu);
    expect(ru).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(MISSION.nameKy)).toBeGreaterThan(ru);
    expect(text.indexOf('КАРТОЧКА ПРЕДСТАВИТЕЛЬСТВА')).toBeGreaterThan(text.indexOf(MISSION.nameKy));
    // Labels never wrap: each sits on one line with its value.
    expect(text).toMatch(/Префикс исходящих номеров\s+КР-М/);
    expect(pdfPages(file)).toBe(1);
  });

  it('keeps upper-case Kyrgyz letters (names as written in passports)', async () => {
    const caseworker = { ...CASEWORKER, fullName: 'ҮСӨНОВ АЙСУЛУУ МАҢЫЗБАЕВНА' };
    const file = await renderToFile(engine, missionCardDoc({ mission: MISSION, caseworker }, GENERATED_AT));
    const text = pdfText(file);
    expect(flat(text)).toContain('ҮСӨНОВ АЙСУЛУУ МАҢЫЗБАЕВНА');
    for (const letter of ['Ү', 'Ө', 'Ң']) expect(text).toContain(letter);
  });

  it('embeds Tinos (subset) and no other font', async () => {
    const file = await renderToFile(engine, missionCardDoc({ mission: MISSION, caseworker: CASEWORKER }, GENERATED_AT));
    const rows = pdfFonts(file).split('\n').slice(2).filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      // name type encoding emb sub uni …
      expect(row).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    }
    expect(rows.some((row) => row.includes('Tinos-Regular'))).toBe(true);
    expect(rows.some((row) => row.includes('Tinos-Bold'))).toBe(true);
  });

  it('prints «—» for empty optional values', async () => {
    const file = await renderToFile(
      engine,
      missionCardDoc({ mission: { ...MISSION, phones: '' }, caseworker: { ...CASEWORKER, phone: '   ' } }, GENERATED_AT),
    );
    const text = pdfText(file);
    expect(text).toMatch(/^\s*Телефоны\s+—\s*$/m);
    expect(text).toMatch(/^\s*Телефон\s+—\s*$/m);
  });

  it('stays on one page with 300-character names', async () => {
    const mission = { ...MISSION, nameRu: longText(LIMITS.name), nameKy: longText(LIMITS.name) };
    expect(mission.nameRu).toHaveLength(300);
    const file = await renderToFile(engine, missionCardDoc({ mission, caseworker: CASEWORKER }, GENERATED_AT));
    expect(pdfPages(file)).toBe(1);
    const words = flat(pdfText(file));
    expect(words).toContain('Сформировано: 05.02.2025');
    expect(words).toContain(MISSION.address);
  });

  it('stays on one page with every field at its schema maximum', async () => {
    const mission: MissionSettings = {
      nameRu: longText(LIMITS.name, 'Посольство Кыргызской Республики в Российской Федерации'),
      nameKy: longText(LIMITS.name),
      address: longText(LIMITS.address, '119017, г. Москва, ул. Большая Ордынка, д. 64, строение 2'),
      phones: longText(LIMITS.phones, '+7 (495) 237-48-82'),
      outgoingPrefix: 'Ж'.repeat(LIMITS.prefix),
    };
    const caseworker: CaseworkerProfile = {
      fullName: longText(LIMITS.personName, 'Үсөнов Айсулуу Маңызбаевна'),
      position: longText(LIMITS.position, 'Третий секретарь консульского отдела'),
      phone: '8'.repeat(LIMITS.phone),
    };
    const file = await renderToFile(engine, missionCardDoc({ mission, caseworker }, GENERATED_AT));
    expect(pdfPages(file)).toBe(1);
    const words = flat(pdfText(file));
    expect(words).toContain('Префикс исходящих номеров');
    expect(words).toContain('Сформировано: 05.02.2025');
  });

  it('stays on one page, text inside the page, even with the widest letters and no spaces at every maximum', async () => {
    const wide = (length: number) => 'ШЩЖЮ'.repeat(length).slice(0, length);
    const mission: MissionSettings = {
      nameRu: wide(LIMITS.name),
      nameKy: wide(LIMITS.name),
      address: wide(LIMITS.address),
      phones: wide(LIMITS.phones),
      outgoingPrefix: wide(LIMITS.prefix),
    };
    const caseworker: CaseworkerProfile = {
      fullName: wide(LIMITS.personName),
      position: wide(LIMITS.position),
      phone: wide(LIMITS.phone),
    };
    const file = await renderToFile(engine, missionCardDoc({ mission, caseworker }, GENERATED_AT));
    expect(pdfPages(file)).toBe(1);
    // Unbreakable words are broken inside their column, not run off the page: every word ends left of the right margin.
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const xMax = [...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xMax.length).toBeGreaterThan(0);
    expect(Math.max(...xMax)).toBeLessThanOrEqual(595.28 - 10 * 2.8346);
    expect(flat(pdfText(file))).toContain('Сформировано: 05.02.2025');
  });

  it('uses A4 with 20/10/20/20 mm margins', async () => {
    const doc = missionCardDoc({ mission: MISSION, caseworker: CASEWORKER }, GENERATED_AT);
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageMargins).toEqual([20 * 2.8346, 20 * 2.8346, 10 * 2.8346, 20 * 2.8346]);
    const file = await renderToFile(engine, missionCardDoc({ mission: MISSION, caseworker: CASEWORKER }, GENERATED_AT));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const xMin = Math.min(...[...bbox.matchAll(/<word xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(xMin).toBeGreaterThanOrEqual(20 * 2.8346);
  });
});

describe('mission card file name', () => {
  it('is a Russian name with the mission name', () => {
    expect(missionCardFileName(MISSION)).toBe(
      'Карточка представительства — Посольство Кыргызской Республики в Российской Федерации.pdf',
    );
    expect(missionCardFileName({ ...MISSION, nameRu: '   ' })).toBe('Карточка представительства.pdf');
  });

  it('has nothing Windows refuses and stays short', () => {
    const name = missionCardFileName({ ...MISSION, nameRu: 'Консульство "КР" в г. Ош/Бишкек: отдел <1> ? * | \\ \u0007 ... ' });
    expect(name).not.toMatch(/[<>:"/\\|?*]/);
    expect([...name].every((ch) => ch.codePointAt(0)! >= 0x20)).toBe(true);
    expect(name).toBe("Карточка представительства — Консульство 'КР' в г. Ош-Бишкек- отдел 1 - -.pdf");
    expect(name).not.toMatch(/[ .]\.pdf$/);

    const long = missionCardFileName({ ...MISSION, nameRu: longText(LIMITS.name) });
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^Карточка представительства — Кыргыз .*…\.pdf$/);
  });

  it('sanitizeFileName handles reserved device names, trailing dots and empty names', () => {
    expect(sanitizeFileName('CON.pdf')).toBe('_CON.pdf');
    expect(sanitizeFileName('lpt1.pdf')).toBe('_lpt1.pdf');
    expect(sanitizeFileName('Отчёт... .pdf')).toBe('Отчёт.pdf');
    expect(sanitizeFileName('???.pdf')).toBe('_.pdf');
    expect(sanitizeFileName('a\tb\nc.pdf')).toBe('a b c.pdf');
    expect(sanitizeFileName('x'.repeat(300) + '.pdf', 50)).toHaveLength(50);
  });
});

describe('pdf engine', () => {
  it('renders from a flat font folder (the packaged layout) as from node_modules', async () => {
    const nested = tinosFontFiles(defaultFontDir());
    for (const file of Object.values(nested)) expect(existsSync(file)).toBe(true);
    expect(path.basename(nested.normal)).toBe(FONT_FILE_NAMES.normal);
    expect(path.basename(path.dirname(nested.bold))).toBe('700Bold');

    const flatDir = mkdtempSync(path.join(work, 'fonts-'));
    for (const [style, file] of Object.entries(nested)) copyFileSync(file, path.join(flatDir, FONT_FILE_NAMES[style as keyof typeof nested]));
    expect(tinosFontFiles(flatDir)).toEqual({
      normal: path.join(flatDir, 'Tinos_400Regular.ttf'),
      bold: path.join(flatDir, 'Tinos_700Bold.ttf'),
      italics: path.join(flatDir, 'Tinos_400Regular_Italic.ttf'),
      bolditalics: path.join(flatDir, 'Tinos_700Bold_Italic.ttf'),
    });
    const file = await renderToFile(createPdfEngine(flatDir), missionCardDoc({ mission: MISSION, caseworker: CASEWORKER }, GENERATED_AT));
    expect(flat(pdfText(file))).toContain('Үсөнов Айсулуу Маңызбаевна');
  });

  it('rejects a render when the fonts are missing, naming them', async () => {
    const pdf = createPdfEngine(path.join(work, 'no-fonts-here'));
    await expect(pdf.makePdf({ content: 'x' })).rejects.toThrow(/PDF fonts not found: .*Tinos_400Regular\.ttf/);
  });

  it('produces the same bytes with and without the parsed-font cache, document after document', async () => {
    const uncached = createPdfEngine(defaultFontDir(), { cacheParsedFonts: false });
    const cached = createPdfEngine(defaultFontDir());
    const info = { creationDate: GENERATED_AT };
    // Varied documents in a row: a font shared between documents that kept per-document state would show up as a
    // difference (an earlier version lost the Latin «o» of a document rendered after a card with Cyrillic «о»).
    const sequence: Array<() => DocDefinition> = [
      () => missionCardDoc({ mission: MISSION, caseworker: CASEWORKER }, GENERATED_AT),
      () => ({ info, content: ['ok', 'Hello, World! éöü ÉÖÜ 0123456789'] }),
      () => ({ info, content: { text: 'Курсив и жирный: ёйӨҢҮ öé', bold: true, italics: true } }),
      () => missionCardDoc({ mission: { ...MISSION, nameRu: 'ЁЙ ёй Oo Оо' }, caseworker: { ...CASEWORKER, fullName: 'ҮСӨНОВ' } }, GENERATED_AT),
      () => ({ info, content: [{ text: 'Italic ok', italics: true }, 'Regular ok «Ӧ» №1'] }),
      () => missionCardDoc({ mission: MISSION, caseworker: CASEWORKER }, GENERATED_AT),
    ];
    for (const [index, build] of sequence.entries()) {
      const a = await uncached.makePdf(build());
      const b = await cached.makePdf(build());
      expect(b.pdf.equals(a.pdf), `document ${index}`).toBe(true);
      expect(b.pages, `document ${index}`).toBe(a.pages);
    }
    const lastText = flat(pdfText(await renderToFile(cached, sequence[1]!())));
    expect(lastText).toContain('ok Hello, World! éöü ÉÖÜ 0123456789');
  });

  it('never touches the network or a file other than its fonts', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    try {
      const web = { content: 'x', images: { logo: 'https://example.org/logo.png' } } as unknown as DocDefinition;
      await expect(engine.makePdf(web)).rejects.toThrow(/data URL/);
      await expect(engine.makePdf({ content: { image: 'https://example.org/logo.png' } })).rejects.toThrow(/denied/);
      const fontFile = tinosFontFiles(defaultFontDir()).normal;
      await expect(engine.makePdf({ content: { image: path.join(path.dirname(fontFile), 'Tinos_400Regular.ttf.png') } })).rejects.toThrow(
        /denied/,
      );
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('accepts images given as data URLs', async () => {
    // 1×1 white PNG.
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC' as const;
    const file = await renderToFile(engine, { content: [{ image: 'dot', width: 20 }, 'ok'], images: { dot: png } });
    expect(pdfText(file)).toContain('ok');
  });

  it('renders a card in a few milliseconds once warm', async () => {
    const input = { mission: MISSION, caseworker: CASEWORKER };
    for (let i = 0; i < 5; i++) await engine.makePdf(missionCardDoc(input, GENERATED_AT));
    const runs = 30;
    const start = performance.now();
    for (let i = 0; i < runs; i++) await engine.makePdf(missionCardDoc(input, GENERATED_AT));
    const perRender = (performance.now() - start) / runs;
    console.log(`mission card render after warm-up: ${perRender.toFixed(1)} ms (mean of ${runs})`);
    expect(perRender).toBeLessThan(1000);
  });
});

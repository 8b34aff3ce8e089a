import { formatDateRu } from '../../../shared/format/date';
import type { CaseworkerProfile, MissionSettings } from '../../../shared/settings/schema';
import { sanitizeFileName } from '../file-name';
import type { Content, DocDefinition, TableLayout } from './types';
import { GOST_CONTENT_WIDTH, GOST_PAGE_MARGINS } from './units';

/** Empty optional values print as a dash, never as a blank that looks like a printing fault. */
export const EMPTY_VALUE = '—';

export const MISSION_CARD_TITLE = 'КАРТОЧКА ПРЕДСТАВИТЕЛЬСТВА';

export interface MissionCardInput {
  mission: MissionSettings;
  caseworker: CaseworkerProfile;
}

const PAGE_MARGINS = GOST_PAGE_MARGINS;
const CONTENT_WIDTH = GOST_CONTENT_WIDTH;
const CELL_PADDING_X = 5;
const RULE_WIDTH = 0.5;

/**
 * Type sizes and spacing, densest last. The card is laid out with the first; the engine falls back to the next
 * while the result is longer than one page. Real data fits the first; 300-character names with everything else
 * at its schema maximum need the third; only filler such as «ШЩЖЮ…» at every maximum goes further.
 */
interface Density {
  body: number;
  lineHeight: number;
  nameRu: number;
  nameKy: number;
  title: number;
  section: number;
  /** Multiplies the vertical gaps between blocks and the cell padding. */
  space: number;
}

const DENSITIES: Density[] = [
  { body: 12, lineHeight: 1.1, nameRu: 14, nameKy: 13, title: 14, section: 13, space: 1 },
  { body: 12, lineHeight: 1.0, nameRu: 12, nameKy: 12, title: 13, section: 12, space: 0.6 },
  { body: 11, lineHeight: 1.0, nameRu: 11, nameKy: 11, title: 12, section: 11, space: 0.5 },
  { body: 10, lineHeight: 1.0, nameRu: 10, nameKy: 10, title: 11, section: 10, space: 0.4 },
  { body: 9, lineHeight: 1.0, nameRu: 9, nameKy: 9, title: 10, section: 9, space: 0.3 },
];

function tableLayout(d: Density): TableLayout {
  const paddingY = Math.max(1, Math.round(3 * d.space));
  return {
    hLineWidth: () => RULE_WIDTH,
    vLineWidth: () => RULE_WIDTH,
    hLineColor: '#000000',
    vLineColor: '#000000',
    paddingLeft: () => CELL_PADDING_X,
    paddingRight: () => CELL_PADDING_X,
    paddingTop: () => paddingY,
    paddingBottom: () => paddingY - 1,
  };
}

function valueOrDash(value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? EMPTY_VALUE : trimmed;
}

/**
 * Both columns have fixed widths: with a `*` column pdfmake widens the table to fit an unbreakable word and
 * runs it off the page; with fixed widths it breaks the word. The label column fits the longest label,
 * «Префикс исходящих номеров» (12.5 em in Tinos), so labels never wrap and never interleave with a wrapped
 * value in extracted text.
 */
function requisitesTable(rows: Array<[string, string]>, d: Density): Content {
  const labelWidth = Math.ceil(d.body * 12.8);
  const valueWidth = CONTENT_WIDTH - labelWidth - 4 * CELL_PADDING_X - 3 * RULE_WIDTH;
  return {
    table: {
      widths: [labelWidth, valueWidth],
      dontBreakRows: true,
      body: rows.map(([label, value]) => [{ text: label }, { text: value }]),
    },
    layout: tableLayout(d),
  };
}

function buildCard(input: MissionCardInput, generatedAt: Date, d: Density): DocDefinition {
  const { mission, caseworker } = input;
  const nameRu = valueOrDash(mission.nameRu);
  const nameKy = valueOrDash(mission.nameKy);
  const gap = (points: number) => Math.round(points * d.space);

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: 'ru-RU',
    info: {
      title: 'Карточка представительства',
      subject: nameRu,
      creator: 'Aryz',
      producer: 'Aryz',
      creationDate: generatedAt,
    },
    defaultStyle: { fontSize: d.body, lineHeight: d.lineHeight },
    content: [
      {
        stack: [
          { text: nameRu, bold: true, fontSize: d.nameRu },
          { text: nameKy, bold: true, fontSize: d.nameKy, margin: [0, gap(3), 0, 0] },
        ],
        alignment: 'center',
        margin: [0, 0, 0, gap(6)],
      },
      {
        // Letterhead rule: a thick line over a thin one.
        canvas: [
          { type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.5 },
          { type: 'line', x1: 0, y1: 3, x2: CONTENT_WIDTH, y2: 3, lineWidth: 0.5 },
        ],
      },
      { text: MISSION_CARD_TITLE, bold: true, fontSize: d.title, alignment: 'center', margin: [0, gap(24), 0, gap(14)] },
      requisitesTable(
        [
          ['Наименование (рус.)', nameRu],
          ['Наименование (кырг.)', nameKy],
          ['Адрес', valueOrDash(mission.address)],
          ['Телефоны', valueOrDash(mission.phones)],
          ['Префикс исходящих номеров', valueOrDash(mission.outgoingPrefix)],
        ],
        d,
      ),
      { text: 'Ответственный сотрудник', bold: true, fontSize: d.section, margin: [0, gap(18), 0, gap(8)] },
      requisitesTable(
        [
          ['Ф.И.О.', valueOrDash(caseworker.fullName)],
          ['Должность', valueOrDash(caseworker.position)],
          ['Телефон', valueOrDash(caseworker.phone)],
        ],
        d,
      ),
      { text: `Сформировано: ${formatDateRu(generatedAt)}`, margin: [0, gap(24), 0, 0] },
    ],
  };
}

/**
 * The mission card: the mission's requisites and the responsible caseworker on one A4 page, in Russian.
 * Carries denser fallback layouts for the engine to use if the first does not fit on one page.
 */
export function missionCardDoc(input: MissionCardInput, generatedAt: Date): DocDefinition {
  const [first, ...denser] = DENSITIES;
  return {
    ...buildCard(input, generatedAt, first!),
    fit: { maxPages: 1, fallbacks: denser.map((d) => () => buildCard(input, generatedAt, d)) },
  };
}

/** «Карточка представительства — <наименование>.pdf», safe to offer in a save dialog on any system. */
export function missionCardFileName(mission: MissionSettings): string {
  const name = mission.nameRu.trim();
  return sanitizeFileName(name === '' ? 'Карточка представительства.pdf' : `Карточка представительства — ${name}.pdf`, 120);
}

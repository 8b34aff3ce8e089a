import type { UiLanguage } from '../../../shared/ipc/channels/app';
import type { DialogFilter } from '../../../shared/ipc/methods';

/** Main-process texts (menu, dialogs) in the page's three languages; the page's own texts live in its i18n. */
export interface ShellStrings {
  menu: {
    file: string;
    quit: string;
    edit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    selectAll: string;
    view: string;
    zoomIn: string;
    zoomOut: string;
    resetZoom: string;
    fullScreen: string;
    window: string;
    minimize: string;
    close: string;
    help: string;
    support: string;
    about: string;
  };
  about: { title: string; detail: (version: string) => string };
  crash: { title: string; gone: string; hung: string; detail: string; reload: string; wait: string; quit: string };
  /** The file-type filters of save and open dialogs; the extensions follow in brackets. */
  filters: Record<DialogFilter, string>;
}

const ru: ShellStrings = {
  menu: {
    file: 'Файл',
    quit: 'Выход',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    resetZoom: 'Обычный размер',
    fullScreen: 'Во весь экран',
    window: 'Окно',
    minimize: 'Свернуть',
    close: 'Закрыть окно',
    help: 'Справка',
    support: 'Сведения для поддержки…',
    about: 'О программе',
  },
  about: { title: 'О программе Aryz', detail: (version) => `Aryz ${version}\nУчёт дел и ходатайств консульской службы Кыргызской Республики в России.` },
  crash: {
    title: 'Aryz',
    gone: 'Окно программы перестало работать.',
    hung: 'Окно программы не отвечает.',
    detail: 'Введённые данные сохраняются по мере ввода: черновик анкеты останется после перезагрузки окна.',
    reload: 'Перезагрузить окно',
    wait: 'Подождать',
    quit: 'Закрыть программу',
  },
  filters: {
    text: 'Текстовый файл',
    json: 'Файл данных JSON',
    pdf: 'Документ PDF',
    csv: 'Таблица CSV',
    excel: 'Книга Excel',
    table: 'Таблица CSV или Excel',
    scans: 'Сканы и документы',
    backup: 'Резервная копия Aryz',
    transfer: 'Файл передачи дел Aryz',
  },
};

const ky: ShellStrings = {
  menu: {
    file: 'Файл',
    quit: 'Чыгуу',
    edit: 'Түзөтүү',
    undo: 'Жокко чыгаруу',
    redo: 'Кайталоо',
    cut: 'Кесүү',
    copy: 'Көчүрүү',
    paste: 'Коюу',
    selectAll: 'Баарын белгилөө',
    view: 'Көрүнүш',
    zoomIn: 'Чоңойтуу',
    zoomOut: 'Кичирейтүү',
    resetZoom: 'Кадимки өлчөм',
    fullScreen: 'Толук экран',
    window: 'Терезе',
    minimize: 'Жыйноо',
    close: 'Терезени жабуу',
    help: 'Жардам',
    support: 'Колдоо үчүн маалымат…',
    about: 'Программа жөнүндө',
  },
  about: { title: 'Aryz программасы жөнүндө', detail: (version) => `Aryz ${version}\nКыргыз Республикасынын Россиядагы консулдук кызматынын иштерин жана арыздарын эсепке алуу.` },
  crash: {
    title: 'Aryz',
    gone: 'Программанын терезеси иштебей калды.',
    hung: 'Программанын терезеси жооп бербей жатат.',
    detail: 'Киргизилген маалымат киргизилген сайын сакталат: анкетанын долбоору терезе кайра жүктөлгөндөн кийин да калат.',
    reload: 'Терезени кайра жүктөө',
    wait: 'Күтүү',
    quit: 'Программаны жабуу',
  },
  filters: {
    text: 'Текст файлы',
    json: 'JSON маалымат файлы',
    pdf: 'PDF документи',
    csv: 'CSV таблицасы',
    excel: 'Excel китеби',
    table: 'CSV же Excel таблицасы',
    scans: 'Скандар жана документтер',
    backup: 'Aryz камдык көчүрмөсү',
    transfer: 'Aryz иштерин өткөрүү файлы',
  },
};

const en: ShellStrings = {
  menu: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullScreen: 'Full screen',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close window',
    help: 'Help',
    support: 'Support information…',
    about: 'About',
  },
  about: { title: 'About Aryz', detail: (version) => `Aryz ${version}\nCases and petitions of the consular service of the Kyrgyz Republic in Russia.` },
  crash: {
    title: 'Aryz',
    gone: 'The program window stopped working.',
    hung: 'The program window is not responding.',
    detail: 'What you type is saved as you type: the intake draft will still be there after the window reloads.',
    reload: 'Reload the window',
    wait: 'Wait',
    quit: 'Close the program',
  },
  filters: {
    text: 'Text file',
    json: 'JSON data file',
    pdf: 'PDF document',
    csv: 'CSV table',
    excel: 'Excel workbook',
    table: 'CSV or Excel table',
    scans: 'Scans and documents',
    backup: 'Aryz backup',
    transfer: 'Aryz case transfer file',
  },
};

export const SHELL_STRINGS: Readonly<Record<UiLanguage, ShellStrings>> = { ru, ky, en };

/** A dialog filter's name: the kind in words, then its extensions («Документ PDF (*.pdf)»). */
export function dialogFilterName(strings: ShellStrings, filter: DialogFilter, extensions: readonly string[]): string {
  return `${strings.filters[filter]} (${extensions.map((e) => `*.${e}`).join(', ')})`;
}

import { defineMessages } from '../../i18n/feature-messages';

/** «Сведения для поддержки» in the settings screen. */
export const supportMessages = defineMessages(
  'support',
  {
    title: 'Сведения для поддержки',
    description:
      'Сохраняет журнал работы программы и сведения о её версии в файл, который можно передать специалисту поддержки. В журнале нет персональных данных: только названия действий, коды ошибок, размеры и время.',
    save: 'Записать сведения в файл…',
    saving: 'Запись…',
    saved: 'Записано в файл {{file}}.',
    canceled: 'Запись отменена.',
    failed: 'Не удалось записать сведения. Попробуйте ещё раз.',
  },
  {
    title: 'Колдоо үчүн маалымат',
    description:
      'Программанын иш журналын жана анын версиясы тууралуу маалыматты колдоо адисине берүүгө боло турган файлга сактайт. Журналда жеке маалымат жок: аракеттердин аталыштары, ката коддору, өлчөмдөр жана убакыт гана.',
    save: 'Маалыматты файлга жазуу…',
    saving: 'Сакталууда…',
    saved: 'Сакталды: {{file}}.',
    canceled: 'Сактоо жокко чыгарылды.',
    failed: 'Маалыматты сактоо мүмкүн болбоду. Кайра аракет кылыңыз.',
  },
  {
    title: 'Support information',
    description:
      'Saves the program’s log and its version information to a file you can give to a support specialist. The log holds no personal data: only names of actions, error codes, sizes and times.',
    save: 'Save information…',
    saving: 'Saving…',
    saved: 'Saved: {{file}}.',
    canceled: 'Saving was cancelled.',
    failed: 'The information could not be saved. Try again.',
  },
);

import { defineMessages } from '../../i18n/feature-messages';

/** The one-time encryption of a database written before the data were encrypted at rest. */
export const encryptionMessages = defineMessages(
  'atRest',
  {
    title: 'Шифрование данных',
    intro: 'Данные, сохранённые прежней версией программы, шифруются. Это делается один раз; резервная копия уже сделана. Если работа прервётся, при следующем входе она продолжится с того же места.',
    progress: 'Зашифровано записей: {{done}} из {{total}}',
    label: 'Ход шифрования',
    failed: 'Шифрование остановилось: {{reason}}. Данные не потеряны: уже зашифрованные записи читаются, остальные будут зашифрованы при следующем входе.',
    retry: 'Повторить',
  },
  {
    title: 'Маалыматтарды шифрлөө',
    intro: 'Программанын мурунку версиясы сактаган маалыматтар шифрленүүдө. Бул бир жолу жасалат; резервдик көчүрмө мурдатан даяр. Иш үзүлүп калса, кийинки кирүүдө ошол жерден уланат.',
    progress: 'Шифрленген жазуулар: {{total}} ичинен {{done}}',
    label: 'Шифрлөөнүн жүрүшү',
    failed: 'Шифрлөө токтоду: {{reason}}. Маалыматтар жоголгон жок: шифрленгендери окулат, калгандары кийинки кирүүдө шифрленет.',
    retry: 'Кайталоо',
  },
  {
    title: 'Encrypting the data',
    intro: 'Data saved by the previous version are being encrypted. This happens once; a backup has been made. If it is interrupted, it resumes from the same place at the next sign-in.',
    progress: 'Records encrypted: {{done}} of {{total}}',
    label: 'Encryption progress',
    failed: 'Encryption stopped: {{reason}}. Nothing is lost: records already encrypted read as before, the rest are encrypted at the next sign-in.',
    retry: 'Retry',
  },
);

/** Russian is the source language: every key exists here first; ky and en must have the same shape. */
export const ru = {
  app: {
    name: 'Aryz',
    tagline: 'Исключение граждан КР из реестра контролируемых лиц',
    skipToContent: 'Перейти к содержимому',
    loading: 'Загрузка…',
    browserMode: 'Режим браузера',
  },
  nav: {
    label: 'Разделы',
    settings: 'Настройки',
  },
  language: {
    label: 'Язык интерфейса',
    ru: 'Русский',
    ky: 'Кыргызча',
    en: 'English',
  },
  settings: {
    title: 'Настройки',
    mission: {
      title: 'Представительство',
      nameRu: 'Наименование на русском языке',
      nameKy: 'Наименование на кыргызском языке',
      address: 'Адрес',
      phones: 'Телефоны',
      outgoingPrefix: 'Префикс исходящих номеров',
      outgoingPrefixHint: 'Например: КР-М или 01-12',
    },
    caseworker: {
      title: 'Профиль сотрудника',
      fullName: 'Ф.И.О.',
      position: 'Должность',
      phone: 'Телефон',
    },
    save: 'Сохранить',
    saving: 'Сохранение…',
    saved: 'Сохранено',
    invalid: 'Исправьте отмеченные поля. Изменения не сохранены.',
    saveFailed: 'Не удалось сохранить: {{reason}}',
    unsaved: 'Есть несохранённые изменения',
  },
  missionCard: {
    title: 'Карточка представительства',
    description: 'Одностраничный PDF с реквизитами представительства и ответственного сотрудника.',
    export: 'Сформировать PDF',
    exporting: 'Формирование…',
    saved: 'Файл сохранён: {{fileName}}',
    canceled: 'Сохранение отменено',
    needsSettings: 'Сначала заполните и сохраните настройки представительства и профиль сотрудника.',
  },
  validation: {
    required: 'Обязательное поле',
    too_long: 'Не более {{limit}} символов',
    too_short: 'Не менее {{limit}} символов',
    invalid_type: 'Неверный тип значения',
    invalid_format: 'Недопустимый формат',
    unknown_field: 'Лишнее поле',
    invalid_value: 'Недопустимое значение',
  },
  format: {
    datePlaceholder: 'дд.мм.гггг',
  },
  startup: {
    title: 'Не удалось открыть базу данных',
    newer: 'База данных создана более новой версией Aryz. Установите ту же или более новую версию программы.',
    failed: 'База данных не открывается. Возможно, диск переполнен или файл повреждён.',
    untouched: 'Данные не изменены и не удалены. Обратитесь к администратору; резервные копии позволяют восстановить работу.',
    retry: 'Повторить',
  },
  errors: {
    INVALID_PAYLOAD: 'Данные не прошли проверку ({{fields}}). Ничего не сохранено.',
    PAYLOAD_TOO_LARGE: 'Слишком большой объём данных. Ничего не сохранено.',
    UNKNOWN_CHANNEL: 'Неизвестная операция.',
    FORBIDDEN_SENDER: 'Операция запрещена для этой страницы.',
    IO_ERROR: 'Не удалось записать файл. Проверьте свободное место и права доступа.',
    INTERNAL: 'Внутренняя ошибка программы. Данные не изменены.',
    NO_BACKEND: 'Нет связи с основным процессом программы.',
    DB: 'Ошибка базы данных: {{reason}}',
    LOCKED: 'Программа заблокирована. Войдите снова, чтобы продолжить.',
    NOT_PERMITTED: 'Это действие доступно только администратору.',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof ru>;

import type { TemplateKind } from './template-schema';

/**
 * Kyrgyz names of the documents the memo lists in its Kyrgyz half, by template kind (as the factory templates
 * title them). A document of another id falls back to its Russian title.
 */
export const DOCUMENT_TITLES_KY: Readonly<Record<TemplateKind, string>> = {
  batch_list_letter: 'Жарандардын тизмеси менен кат',
  citizen_application_mission: 'Жарандын өкүлчүлүккө арызы',
  citizen_application_mvd: 'Жарандын ИИМге реестрден чыгаруу жөнүндө арызы',
  citizen_memo: 'Жаранга эскертме',
  complaint_superior: 'ИИМдин жогору турган органына арыздануу',
  cover_letter: 'Коштомо кат',
  mission_letter_mvd: 'Өкүлчүлүктүн ИИМдин аймактык органына өтүнүч каты',
  name_spelling_certificate: 'Аты-жөнүнүн жазылышы жөнүндө маалымкат',
  receipt: 'Документтерди кабыл алгандыгы жөнүндө тил кат',
  reminder: 'Эскертүү (кайталап кайрылуу)',
  verbal_note_mfa: 'Россия ТИМине вербалдык нота',
};

export function documentTitleKy(templateId: string, titleRu: string): string {
  return (DOCUMENT_TITLES_KY as Record<string, string>)[templateId] ?? titleRu;
}

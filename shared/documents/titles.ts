import type { SentKind } from '../deadlines/facts';
import type { TemplateKind } from './template-schema';

/**
 * Kyrgyz names of the documents the memo lists in its Kyrgyz half, by template kind (as the factory templates
 * title them). A document of another id falls back to its Russian title.
 */
export const DOCUMENT_TITLES_KY: Readonly<Record<TemplateKind, string>> = {
  batch_list_letter: 'Жарандардын тизмеси менен кат',
  citizen_answer: 'Арыз ээсине жооп',
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

/**
 * An outgoing item's kind in Kyrgyz, for a letter recorded by hand (the register does not hold it): the memo's
 * Kyrgyz half names it in Kyrgyz, as ./russian's SENT_KIND_RU names it in the Russian half.
 */
export const SENT_KIND_KY: Readonly<Record<SentKind, string>> = {
  citizen_application: 'Жарандын арызы',
  citizen_complaint: 'Жарандын даттануусу',
  mission_letter: 'Өкүлчүлүктүн каты',
  verbal_note: 'Вербалдык нота',
  cover_letter: 'Коштомо кат',
  reminder: 'Эскертүү (кайталап кайрылуу)',
  complaint_superior: 'Жогору турган органга даттануу',
  complaint_prosecutor: 'Прокуратурага даттануу',
  court_claim: 'Административдик доо арыз',
};

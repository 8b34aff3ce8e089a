export * from './template-schema';
export * from './model';
export { citeRu, dateRu, dateWordsRu, missionNameForms, nameForms, nameFormsOfFull } from './russian';
export { scriptOf, spellingReason, substitutions, type SpellingScript, type Substitution } from './spellings';
export * from './requisites';

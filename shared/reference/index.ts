export * from './schema';
export * from './integrity';
export * from './load';
export * from './versioning';
export * from './lookup';
export * from './region-codes';
export { RUSSIAN_REGIONS } from './regions';
export { withFactoryTranslations } from './translations';

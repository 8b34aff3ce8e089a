export {
  documentKey,
  isPatronymicParticle,
  nameKey,
  namePrefixKey,
  nameTokens,
  normalizeText,
  searchTokens,
  spellingVariants,
} from './normalize';

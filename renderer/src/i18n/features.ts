import type { FeatureMessages } from './feature-messages';
import { casesMessages } from '../features/cases/messages';

/**
 * Each feature keeps its strings beside its code, in all three languages, under its own namespace key
 * (`t('cases.…')`). Add a feature's bundle here.
 */
export const FEATURE_MESSAGES: FeatureMessages[] = [casesMessages];

import type { AryzApi } from '../../../shared/ipc/contract';
import { factoryTemplates as loadFixtureTemplates } from './document-fixtures';

/** The factory templates as main answers them, for stores that take the API as a parameter. */
export function factoryApi(): Pick<AryzApi, 'getFactoryTemplates'> {
  const templates = loadFixtureTemplates();
  return { getFactoryTemplates: async () => ({ ok: true as const, value: { templates } }) };
}

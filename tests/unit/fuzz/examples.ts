import path from 'node:path';
import { loadFactoryReference } from '../../../electron/main/reference/factory';
import type { Channel, RequestOf } from '../../../shared/ipc/contract';

const ROOT = path.resolve(__dirname, '../../..');

const mission = {
  nameRu: 'Посольство Кыргызской Республики в Российской Федерации',
  nameKy: 'Кыргыз Республикасынын Россия Федерациясындагы Элчилиги',
  address: '119017, г. Москва, ул. Большая Ордынка, д. 64',
  phones: '+7 495 000-00-00',
  outgoingPrefix: 'КР-М',
};
const caseworker = { fullName: 'Токтогулов Нурлан Асанович', position: 'Консул', phone: '+7 495 000-00-01' };

/**
 * One or more valid requests per channel: the fuzzer mutates them to reach past validation. Every channel
 * must have at least one (the fuzz test checks), and each must be answered `ok` as it stands.
 */
export async function validExamples(): Promise<{ [C in Channel]: RequestOf<C>[] }> {
  const reference = JSON.stringify(await loadFactoryReference(path.join(ROOT, 'resources/reference')));
  return {
    'app:info': [{}],
    'reference:factory': [{}],
    'reference:export': [{ json: reference }, { json: reference, fileName: 'справочники.json' }],
    'documents:exportMissionCard': [{ mission, caseworker }],
  };
}

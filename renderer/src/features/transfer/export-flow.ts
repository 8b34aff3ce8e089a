import type { BundleRefusal } from '../../../../shared/transfer/bundle';
import type { AryzApi } from '../../../../shared/ipc/contract';
import type { IpcError } from '../../../../shared/ipc/result';
import { appDbVersion } from '../../data/app-db';
import type { StoredSettings } from '../../data/settings/settings.repo';
import { missionIdOf } from '../../data/settings/use-actor';
import { recordExported } from '../../data/transfer/export-records.repo';
import { generatedPdfsOf } from '../../data/transfer/records.repo';
import { gatherCases } from '../../data/transfer/gather.repo';
import { recordAct } from '../../data/audit.repo';

export type ExportOutcome =
  | { status: 'saved'; fileName: string; cases: number; records: number; files: number }
  | { status: 'canceled' }
  | { status: 'refused'; reason: BundleRefusal }
  | { status: 'failed'; error: IpcError };

/**
 * Gathers the chosen cases, has main seal and save them, and — once the file is saved — remembers what was
 * shared, so later edits here are recognised as conflicts when the cases come back.
 */
export async function exportCases(
  api: Pick<AryzApi, 'exportTransfer'>,
  caseIds: readonly string[],
  passphrase: string,
  settings: StoredSettings,
  onStage: (stage: 'gathering' | 'sealing') => void = () => undefined,
): Promise<ExportOutcome> {
  onStage('gathering');
  const gathered = await gatherCases(caseIds);
  const bundleId = globalThis.crypto.randomUUID();
  onStage('sealing');
  const result = await api.exportTransfer({
    bundleId,
    passphrase,
    source: { missionId: missionIdOf(settings.mission.outgoingPrefix), missionName: settings.mission.nameRu, caseworker: settings.caseworker.fullName },
    schemaVersion: appDbVersion(),
    records: gathered.records,
    attachments: gathered.attachments,
    documents: generatedPdfsOf(gathered.records),
  });
  if (!result.ok) return { status: 'failed', error: result.error };
  const value = result.value;
  if (value.status === 'refused') return { status: 'refused', reason: value.reason };
  if (value.status === 'canceled') return { status: 'canceled' };
  await recordExported(bundleId, gathered.records);
  await recordAct({ action: 'transfer_out', entity: 'bundle', entityId: bundleId, note: `${gathered.caseCount} cases, ${gathered.attachments.length} files` }).catch((error: unknown) =>
    console.warn('transfer audit row:', error),
  );
  return { status: 'saved', fileName: value.fileName, cases: gathered.caseCount, records: gathered.records.length, files: gathered.attachments.length };
}

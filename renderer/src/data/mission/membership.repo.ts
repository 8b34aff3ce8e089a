import { db } from '../schema';
import type { AryzApi, ResponseOf } from '../../../../shared/ipc/contract';
import { getApi } from '../../api';
import { beginSession, currentAccount } from '../../lib/session';
import { AT_REST_PLAN } from '../at-rest/fields';
import { recordAct } from '../audit.repo';
import { forgetMissionReplication, missionMembershipChanged } from './mission-session';

type Api = Pick<AryzApi, 'getSyncStatus' | 'joinMission' | 'checkSyncApproval' | 'adoptMissionKey' | 'leaveMission'>;

export type MissionState = ResponseOf<'sync:status'>;

export async function missionState(api: Api = getApi()): Promise<MissionState> {
  const answer = await api.getSyncStatus({});
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.value;
}

/** Asks the server to let this PC in; the request is audited with the PC id the officer approves. */
export async function requestToJoin(address: string, fingerprint: string, api: Api = getApi()): Promise<ResponseOf<'sync:join'>> {
  const answer = await api.joinMission({ address, fingerprint });
  if (!answer.ok) throw new Error(answer.error.code);
  if ('state' in answer.value && answer.value.state !== 'off') {
    await recordAct({ action: 'sync_join', entity: 'mission', entityId: answer.value.pcId, note: `requested ${address}` });
    await missionMembershipChanged();
  }
  return answer.value;
}

/** Asks whether the officer approved this PC; once joined, sync starts. */
export async function checkApproval(api: Api = getApi()): Promise<ResponseOf<'sync:checkApproval'>> {
  const answer = await api.checkSyncApproval({});
  if (!answer.ok) throw new Error(answer.error.code);
  if ('state' in answer.value && answer.value.state === 'joined') {
    await recordAct({ action: 'sync_join', entity: 'mission', entityId: answer.value.pcId, note: answer.value.missionKey ? 'approved' : 'approved, key pending' });
    await missionMembershipChanged();
  }
  return answer.value;
}

export type AdoptOutcome = ResponseOf<'sync:adoptKey'> | { status: 'refused'; reason: 'has_cases' };

/** Tables whose rows hold sealed fields, except the sync engine's own (their rows are copies from under sealing). */
const RESEALED = [...AT_REST_PLAN].filter(([name, plan]) => plan.sealed.length > 0 && !name.startsWith('sync')).map(([name]) => name);

/**
 * Joining a mission that already has a key. A PC that holds cases is refused: re-sealing a case base under another
 * key (and its files, and its backups) is not done here, so such a PC takes the mission's cases by starting fresh
 * (or moves its cases by transfer bundle). A fresh PC holds only what setup wrote (its audit, settings): those rows
 * are read with the old key first, main switches the accounts to the mission key, and they are written back under
 * it in one transaction.
 */
export async function adoptMissionKey(recoveryKey: string, password: string, api: Api = getApi()): Promise<AdoptOutcome> {
  if ((await db().persons.count()) > 0 || (await db().cases.count()) > 0) return { status: 'refused', reason: 'has_cases' };
  const tables = RESEALED.filter((name) => db().tables.some((t) => t.name === name));
  // Spreading a row runs the at-rest accessors: what is kept is plain, ready to be sealed under the new key.
  const plain = new Map<string, Record<string, unknown>[]>();
  for (const name of tables) plain.set(name, (await db().table(name).toArray()).map((row: Record<string, unknown>) => ({ ...row })));
  const answer = await api.adoptMissionKey({ recoveryKey, password });
  if (!answer.ok) throw new Error(answer.error.code);
  if (answer.value.status !== 'ok') return answer.value;
  const account = currentAccount();
  if (account) beginSession(account, answer.value.dataKey);
  await db().transaction('rw', tables, async () => {
    for (const [name, rows] of plain) if (rows.length) await db().table(name).bulkPut(rows);
  });
  await recordAct({ action: 'sync_join', entity: 'mission', entityId: 'key', note: 'mission key adopted' });
  await missionMembershipChanged();
  return answer.value;
}

/** Stops syncing: main forgets the server and the credential; this PC keeps every row it holds. Audited. */
export async function leaveMission(api: Api = getApi()): Promise<void> {
  const before = await missionState(api);
  const answer = await api.leaveMission({});
  if (!answer.ok) throw new Error(answer.error.code);
  await forgetMissionReplication();
  await recordAct({ action: 'sync_leave', entity: 'mission', entityId: before.state === 'off' ? '' : before.pcId, note: before.state === 'off' ? '' : before.address });
  await missionMembershipChanged();
}

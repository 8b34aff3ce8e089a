import { useLiveQuery } from 'dexie-react-hooks';
import type { Deadline } from '../../../../shared/deadlines/deadline';
import type { DiagnosisResult } from '../../../../shared/diagnosis/types';
import type { ReferenceBundle } from '../../../../shared/reference/schema';
import type { AuditRow, CheckRow, RequestRow } from '../schema';
import { auditFor } from '../audit.repo';
import { useCaseDeadlines } from './use-case-deadlines';
import { checksFor } from './checks.repo';
import { useReference } from '../reference/reference.repo';
import { requestsFor } from './requests.repo';

/** Everything the tracking panels show for one case, loaded together so the page lays out once. */
export interface CaseTracking {
  deadlines: Deadline[];
  diagnosis: DiagnosisResult | null;
  requests: RequestRow[];
  checks: CheckRow[];
  reference: ReferenceBundle | null;
  /** The audit row of the latest saved diagnosis decision: who made it. */
  lastDecision: AuditRow | null;
}

export function useCaseTracking(caseId: string): CaseTracking | undefined {
  const computed = useCaseDeadlines(caseId);
  const reference = useReference();
  const lists = useLiveQuery(async () => {
    const [requests, checks, decisions] = await Promise.all([
      requestsFor(caseId),
      checksFor(caseId),
      auditFor(caseId).then((rows) => rows.filter((row) => row.action === 'diagnosis')),
    ]);
    return { requests, checks, lastDecision: decisions[decisions.length - 1] ?? null };
  }, [caseId]);
  if (!computed || !lists) return undefined;
  return { ...computed, ...lists, reference: reference ?? null };
}

import type { CaseStatus } from '../case/schema';

/**
 * The compact facts a report needs about one case, a few dozen bytes instead of the whole case row: the report
 * over 100,000 cases is computed from these, in a worker, without the rows themselves.
 */
export interface StatusEvent {
  /** Local calendar day of the change, as days since 1970-01-01. */
  day: number;
  status: CaseStatus;
}

export interface CaseFacts {
  missionId: string;
  region: string;
  caseworker: string;
  /** The cause the caseworker chose on the diagnosis (confirmed or overridden); null when not diagnosed. */
  causeId: string | null;
  /** Oldest first; the first entry is the intake. Never empty. */
  events: StatusEvent[];
  /** The case had no status history: its events were reconstructed from createdAt / updatedAt. */
  reconstructed: boolean;
}

/** What factsFromCase reads from a case row (CaseRow satisfies it). */
export interface CaseFactsSource {
  missionId: string;
  region: string;
  caseworker: string;
  status: CaseStatus;
  statusHistory?: ReadonlyArray<{ status: CaseStatus; at: string }>;
  createdAt: string;
  updatedAt: string;
  diagnosis?: { causeId: string } | null;
}

const MS_PER_DAY = 86_400_000;

/** The day a moment falls on by this machine's clock (the mission's office day), as days since 1970-01-01. */
export function localDayOf(isoDateTime: string): number {
  const d = new Date(isoDateTime);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / MS_PER_DAY;
}

/**
 * Facts of one case. History entries are put in time order (an imported or transferred case may carry them out
 * of order) and only then reduced to days, so two changes on one day keep their order. A case without any
 * history (older data, a damaged import) is taken in at `createdAt`; if its status has moved on since, the move
 * is dated `updatedAt`, the only date there is — and the case is marked `reconstructed` so the report can say
 * how many such cases it counted.
 */
export function factsFromCase(row: CaseFactsSource, dayOf: (iso: string) => number = localDayOf): CaseFacts {
  const history = row.statusHistory ?? [];
  let events: StatusEvent[];
  let reconstructed = false;
  if (history.length > 0) {
    // By instant, not by text: an imported history may write its moments with other UTC offsets.
    const time = (h: { at: string }) => Date.parse(h.at);
    const ordered = history.length > 1 && history.some((h, i) => i > 0 && time(h) < time(history[i - 1]!)) ? [...history].sort((a, b) => time(a) - time(b)) : history;
    events = ordered.map((h) => ({ day: dayOf(h.at), status: h.status }));
  } else {
    reconstructed = true;
    events = [{ day: dayOf(row.createdAt), status: 'intake' }];
    if (row.status !== 'intake') events.push({ day: Math.max(events[0]!.day, dayOf(row.updatedAt)), status: row.status });
  }
  return {
    missionId: row.missionId,
    region: row.region,
    caseworker: row.caseworker,
    causeId: row.diagnosis?.causeId ?? null,
    events,
    reconstructed,
  };
}

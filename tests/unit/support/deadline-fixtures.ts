import type { Employment, IdentityDocument, Registration, StayEntry } from '../../../shared/case/schema';
import type { CaseFacts, PersonFacts } from '../../../shared/deadlines';

/** Small builders for case facts: each test states only the records it is about. */

export function stay(id: string, entryDate: string, more: Partial<StayEntry> = {}): StayEntry {
  return { id, entryDate, checkpoint: 'Домодедово', documentId: '', migrationCard: '4617 1234567', purpose: 'work', exitDate: undefined, exitRecorded: false, ...more };
}

export function job(id: string, start: string, end: string | null, more: Partial<Employment> = {}): Employment {
  return {
    id,
    employer: `ООО «${id}»`,
    employerInn: '7701234567',
    contractType: 'labour',
    contractNumber: `${id}/25`,
    start,
    end,
    earlyTerminationDate: undefined,
    employerNotifiedDate: undefined,
    ...more,
  };
}

export function reg(id: string, from: string, to: string, more: Partial<Registration> = {}): Registration {
  return { id, address: 'г. Москва, ул. Ленина, д. 1', host: 'ООО «Ромашка»', from, to, how: 'mvd', ...more };
}

export function doc(id: string, more: Partial<IdentityDocument> = {}): IdentityDocument {
  return {
    id,
    type: 'passport_2020',
    series: 'AC',
    number: '1234567',
    issueDate: '2021-05-10',
    issuer: 'MKK 211011',
    expiryDate: '2031-05-09',
    status: 'current',
    usedForEntry: true,
    ...more,
  };
}

export function person(more: Partial<PersonFacts> = {}): PersonFacts {
  return {
    documents: [],
    stays: [],
    registrations: [],
    employments: [],
    amina: { registered: false, cardNumber: '', registeredDate: undefined, deregisteredDate: undefined },
    ...more,
  };
}

export function facts(more: Partial<Omit<CaseFacts, 'person' | 'case'>> & { person?: Partial<PersonFacts>; case?: Partial<CaseFacts['case']> } = {}): CaseFacts {
  const { person: p, case: c, ...rest } = more;
  return { case: { learnedAt: '2025-06-01', status: 'checking', ...c }, person: person(p), ...rest };
}

import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../../../shared/deadlines';
import { diagnose, REASON_CODES, RULES, type ReasonCode } from '../../../../shared/diagnosis';
import { RULE_IDS, type ReferenceBundle } from '../../../../shared/reference';
import { doc, facts, job, reg, stay } from '../../support/deadline-fixtures';
import { bundle, TODAY } from '../../support/diagnosis-fixtures';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A worker with a registration gap, a late notification and a replaced passport. */
const worker: CaseFacts = facts({
  person: {
    documents: [doc('d0', { series: 'AN', number: '7654321', status: 'replaced', usedForEntry: false }), doc('d1')],
    stays: [stay('s1', '2025-01-10')],
    employments: [job('e1', '2025-01-20', '2025-12-31', { employerNotifiedDate: '2025-01-28' })],
    registrations: [reg('r1', '2025-01-20', '2025-03-31')],
  },
});

describe('diagnose', () => {
  it('orders causes by confidence, then as the reference table does, and records the reference version', () => {
    const result = diagnose(worker, bundle, TODAY);
    expect(result.referenceVersion).toBe(bundle.version);
    expect(result.causes.map((c) => [c.causeId, c.confidence])).toEqual([
      ['R-1', 'high'],
      ['R-2', 'high'],
      ['R-7', 'low'],
    ]);
  });

  it('suggests nothing for a case whose records are in order', () => {
    const clean = facts({
      person: {
        documents: [doc('d1')],
        stays: [stay('s1', '2025-01-10')],
        employments: [job('e1', '2025-01-20', null, { employerNotifiedDate: '2025-01-21' })],
        registrations: [reg('r1', '2025-01-20', '2025-12-31')],
        nameRu: { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' },
        nameKy: { surname: 'Асанов', givenName: 'Бакыт', patronymic: '' },
        birthDate: { year: 1990, month: 3, day: 12 },
      },
    });
    expect(diagnose(clean, bundle, TODAY).causes).toEqual([]);
  });

  it('follows the reference data: a cause without a rule is never suggested, the ground and documents come from the data', () => {
    const edited = clone(bundle) as ReferenceBundle;
    edited.version = 7;
    edited.causes.find((c) => c.id === 'R-2')!.rule = null;
    const r1 = edited.causes.find((c) => c.id === 'R-1')!;
    r1.exclusionGround = 'E-ERROR';
    r1.documents = ['citizen_memo'];
    r1.checklist = ['contract'];
    const result = diagnose(worker, edited, TODAY);
    expect(result.referenceVersion).toBe(7);
    expect(result.causes.map((c) => c.causeId)).toEqual(['R-1', 'R-7']);
    expect(result.causes[0]).toMatchObject({ suggestedExclusionGround: 'E-ERROR', documents: ['citizen_memo'], checklist: [{ itemId: 'contract', present: true }] });
  });

  it('refuses a malformed today', () => {
    expect(() => diagnose(worker, bundle, '10.06.2025')).toThrow(RangeError);
  });

  it('has a rule for every rule id the reference data may name', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('reasoning codes', () => {
  it('every code in REASON_CODES is produced by some case (the list the UI translates is complete and not padded)', () => {
    const scenarios: CaseFacts[] = [
      worker,
      facts({ person: { employments: [job('e1', '2025-03-01', '2025-05-31')] } }),
      facts({ case: { learnedAt: '2025-03-01' }, person: { stays: [stay('s1', '2025-01-10')], employments: [job('e1', '2025-01-20', null)], registrations: [reg('r1', '2025-01-20', '2025-03-31')] } }),
      facts({ person: { employments: [job('e1', '2025-03-03', null)] } }),
      facts({ person: { stays: [stay('s1', '2025-01-10')], employments: [job('e1', '2025-01-20', '2025-12-31', { earlyTerminationDate: '2025-05-20' }), job('e2', '2025-06-09', null)] } }),
      facts({ person: { stays: [stay('s1', '2025-01-10')], employments: [job('e1', '2025-01-20', '2025-12-31', { earlyTerminationDate: '2025-05-20' })] } }),
      facts({ person: { stays: [stay('s1', '2025-01-10')], employments: [job('e1', '2025-01-20', '2025-12-31', { earlyTerminationDate: '2025-03-01' })] } }),
      facts({ person: { stays: [stay('s1', '2025-01-10')], employments: [job('e1', '2025-01-20', '2025-04-30')] } }),
      facts({ case: { learnedAt: '2025-05-01' }, person: { amina: { registered: true, cardNumber: '1', deregisteredDate: '2025-04-20' } } }),
      facts({ case: { learnedAt: '2025-05-01' }, person: { amina: { registered: true, cardNumber: '1', deregisteredDate: '2025-05-20' } } }),
      facts({ person: { registrations: [reg('r1', '2025-01-05', '2025-03-20', { how: 'amina' })] } }),
      facts({
        person: {
          documents: [doc('d1', { type: 'id_card_2017' })],
          stays: [stay('s1', '2024-06-01', { documentId: 'd1', exitDate: '2024-09-01' }), stay('s2', '2024-10-01'), stay('s3', '2025-01-10', { purpose: 'private' })],
          employments: [job('e1', '2025-01-20', null)],
        },
      }),
      facts({
        person: { documents: [doc('d0', { status: 'replaced' }), doc('d1', { number: '7777777' })], stays: [stay('s1', '2024-06-01', { documentId: 'd0' })] },
        registerChecks: [
          { at: '2025-05-20', listed: true, documentId: 'd0' },
          { at: '2025-05-20', listed: false, documentId: 'd1' },
        ],
      }),
      facts({
        person: {
          nameRu: { surname: 'Жумагулов', givenName: 'Бакыт', patronymic: '' },
          nameKy: { surname: 'Жумагул уулу', givenName: 'Бакыт', patronymic: '' },
          nameLat: { surname: 'ZHUMAGULOV', givenName: 'BAKYT', patronymic: '' },
          otherSpellings: ['Джумагулов Бакыт'],
          patronymicForm: 'uulu_kyzy',
        },
      }),
      facts({ person: { nameRu: { surname: 'Усенов', givenName: 'Нурлан', patronymic: '' }, nameKy: { surname: 'Үсөнов', givenName: 'Нурлан', patronymic: '' }, otherSpellings: ['Усонов Нурлан'] } }),
      facts({
        person: { documents: [doc('d0', { status: 'replaced' }), doc('d1', { number: '7777777' })] },
        registerChecks: [{ at: '2025-05-20', listed: true, documentId: 'd1' }],
      }),
      facts({ person: { nameRu: { surname: 'Асанов', givenName: 'Бакыт', patronymic: 'Усенович' }, nameKy: { surname: 'Асанов', givenName: 'Бакыт', patronymic: 'Усенович' }, otherSpellings: ['Асанов Бакыт'] } }),
      facts({ person: { birthDate: { year: 2012, month: 1, day: 1 } }, parents: [{ name: 'А.', listed: true }] }),
      facts({ person: { birthDate: { year: 2012, month: 1, day: 1 } } }),
      facts({ person: { birthDate: { year: 2012, month: 1, day: 1 } }, parents: [{ listed: false }] }),
      facts({ person: { birthDate: { year: 2007 } } }),
    ];
    const seen = new Set<ReasonCode>();
    for (const scenario of scenarios) for (const c of diagnose(scenario, bundle, TODAY).causes) for (const r of c.reasoning) seen.add(r.code);
    expect([...seen].sort()).toEqual([...REASON_CODES].sort());
  });
});

import type { IntakeDraft } from '../../../shared/case';

export const TODAY = '2025-06-01';

/** A complete, consistent intake: parses, and validateIntake finds nothing in it on TODAY. */
export function validIntake(): IntakeDraft {
  return {
    person: {
      id: 'p1',
      nameKy: { surname: 'Асанов', givenName: 'Бакыт', patronymic: 'Үсөнович' },
      nameRu: { surname: 'Асанов', givenName: 'Бакыт', patronymic: 'Усенович' },
      nameLat: { surname: 'ASANOV', givenName: 'BAKYT', patronymic: "USONOVICH" },
      patronymicForm: 'patronymic',
      otherSpellings: ['ASANOV BAKIT'],
      sex: 'male',
      birthDate: { year: 1990, month: 3, day: 12 },
      placeOfBirth: 'г. Ош',
      citizenship: 'KG',
      pin: '21203199000123',
      phones: ['+7 999 123-45-67'],
      email: 'bakyt@example.kg',
      ruPostalAddress: 'г. Москва, ул. Ленина, д. 1, кв. 2',
      kgAddress: 'г. Ош, ул. Курманжан Датка, 5',
      preferredLanguage: 'ky',
      consentDate: '2025-05-20',
    },
    documents: [
      {
        id: 'd1',
        type: 'passport_2020',
        series: 'AC',
        number: '1234567',
        issueDate: '2021-05-10',
        issuer: 'MKK 211011',
        expiryDate: '2031-05-09',
        status: 'current',
        usedForEntry: true,
      },
    ],
    stays: [
      {
        id: 's1',
        entryDate: '2024-01-15',
        checkpoint: 'Домодедово',
        documentId: 'd1',
        migrationCard: '4617 1234567',
        purpose: 'work',
        exitDate: '',
        exitRecorded: false,
      },
    ],
    registrations: [{ id: 'r1', address: 'г. Москва, ул. Ленина, д. 1', host: 'ООО «Ромашка»', from: '2024-01-16', to: '2024-12-31', how: 'mvd' }],
    employments: [
      {
        id: 'e1',
        employer: 'ООО «Ромашка»',
        employerInn: '7701234567',
        contractType: 'labour',
        contractNumber: '15/24',
        start: '2024-01-16',
        end: '2024-12-31',
        earlyTerminationDate: '',
        employerNotifiedDate: '2024-01-18',
      },
    ],
    amina: { registered: false, cardNumber: '', registeredDate: '', deregisteredDate: '' },
    case: {
      missionId: 'm1',
      caseworker: 'Токтогулов Нурлан Асанович',
      region: '77',
      learnedAt: '2025-05-15',
      learnedHow: 'bank',
      learnedNote: 'Сбербанк заблокировал карту',
      impacts: ['bank_block'],
    },
  };
}

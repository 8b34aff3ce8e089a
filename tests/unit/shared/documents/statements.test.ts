import { describe, expect, it } from 'vitest';
import { templateDoc } from '../../../../electron/main/pdf/templates/layout';
import { causeForLetter, selectArguments, argumentFacts } from '../../../../shared/documents/arguments';
import { buildDocumentModel, causeArguments, type DocumentInputs } from '../../../../shared/documents/model';
import { citeRu } from '../../../../shared/documents/russian';
import { TEMPLATE_KINDS } from '../../../../shared/documents/template-schema';
import { errorCauseSchema, VERIFICATIONS, type ErrorCause, type LegalRef, type Verification } from '../../../../shared/reference/schema';
import { factoryBundle } from '../../support/reference-fixtures';
import { factoryTemplate, fixtureInputs, GENERATED_AT } from '../../support/document-fixtures';

/**
 * Proof that a generated document says only what the case or verified law supports: every factory template,
 * with every cause, under every verification state of the legal references, is laid out and its text read
 * back. No sentence of any cause's explanation (written for the caseworker, partly inference) may appear, and
 * no legal reference that is not verified may be cited; a paragraph relying on unverified law appears only as a
 * request to check.
 */

/** Every string of a pdfmake document definition, in order, no-break spaces as spaces. */
function docText(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => docText(n, out));
  else if (node !== null && typeof node === 'object') for (const [key, value] of Object.entries(node)) if (key === 'text' || key === 'stack' || key === 'columns' || key === 'table' || key === 'body' || key === 'content') docText(value, out);
  return out;
}

const flat = (text: string) => text.replace(/\u00A0/g, ' ').replace(/\s+/g, ' ');

function textOf(kind: (typeof TEMPLATE_KINDS)[number], inputs: DocumentInputs): string {
  const doc = templateDoc(factoryTemplate(kind), buildDocumentModel(inputs), { generatedAt: GENERATED_AT });
  return flat(docText([doc.content]).join(' '));
}

/** Sentences of an explanation long enough to be recognisable. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/u)
    .map((s) => flat(s).trim())
    .filter((s) => s.length > 25);
}

/** A case where every kind of fact is on record: a contract with a registration gap, an early termination and a new contract, an exit. */
function richInputs(kind: (typeof TEMPLATE_KINDS)[number]): DocumentInputs {
  const base = fixtureInputs(kind);
  return {
    ...base,
    employments: [
      ...(base.employments ?? []),
      { id: 'emp-2', employer: 'ООО «Вектор»', employerInn: '', contractType: 'civil', contractNumber: '7', start: '2024-09-01', end: '2025-09-01', earlyTerminationDate: '2024-12-20', employerNotifiedDate: undefined },
      { id: 'emp-3', employer: 'ООО «Восток»', employerInn: '', contractType: 'labour', contractNumber: '3', start: '2025-01-05', end: null, earlyTerminationDate: undefined, employerNotifiedDate: undefined },
    ],
  };
}

const bundle = factoryBundle();

function refsIn(state: Verification): LegalRef[] {
  return bundle.legalRefs.map((r) => ({ ...r, verification: state }));
}

describe('no explanation and no unverified law reach a document', () => {
  const explanations = bundle.causes.flatMap((c) => [...sentences(c.explanation.ru), ...sentences(c.explanation.ky)]);

  it('the factory causes have explanations to look for and arguments for every cause', () => {
    expect(explanations.length).toBeGreaterThan(20);
    for (const cause of bundle.causes) expect(cause.arguments.length, cause.id).toBeGreaterThan(0);
  });

  for (const state of [...VERIFICATIONS, 'factory'] as const) {
    it(`every template × every cause, legal references ${state}`, () => {
      const legalRefs = state === 'factory' ? bundle.legalRefs : refsIn(state);
      const uncited = legalRefs.filter((r) => r.verification !== 'verified').map((r) => flat(citeRu(r.act, r.article)));
      let printedArguments = 0;
      for (const kind of TEMPLATE_KINDS) {
        for (const cause of bundle.causes) {
          const inputs: DocumentInputs = { ...richInputs(kind), cause: causeForLetter(cause), evidence: cause.checklist, legalRefs };
          const text = textOf(kind, inputs);
          for (const sentence of explanations) expect(text, `${kind} × ${cause.id}: explanation printed`).not.toContain(sentence);
          for (const cite of uncited) expect(text, `${kind} × ${cause.id}: unverified law cited`).not.toContain(cite);
          for (const arg of causeArguments(inputs).printed) {
            const source = cause.arguments.find((a) => a.id === arg.id)!;
            const lawVerified = source.legalRef === null || legalRefs.find((r) => r.id === source.legalRef)?.verification === 'verified';
            // An assertion only on verified law (or none); otherwise the request to check.
            if (arg.form === 'assertion') expect(lawVerified, `${cause.id}/${arg.id}`).toBe(true);
            else expect(arg.text, `${cause.id}/${arg.id}`).toMatch(/^Просим (также )?проверить/u);
            if (text.includes(flat(arg.text).slice(0, 40))) printedArguments++;
          }
        }
      }
      // The walk is not empty: the letters that state a cause print its paragraphs.
      expect(printedArguments).toBeGreaterThan(20);
    });
  }

  it('prints nothing of a cause whose evidence is not in the checklist', () => {
    for (const cause of bundle.causes) {
      const inputs: DocumentInputs = { ...richInputs('mission_letter_mvd'), cause: causeForLetter(cause), evidence: [] };
      expect(causeArguments(inputs).printed).toEqual([]);
      expect(causeArguments(inputs).skipped.every((s) => s.reason === 'evidence_missing')).toBe(true);
    }
  });

  it('a cause passed with its explanation still cannot print it: the model has no field for it', () => {
    const cause = bundle.causes.find((c) => c.id === 'R-3')!;
    const model = buildDocumentModel({ ...richInputs('mission_letter_mvd'), cause: cause as unknown as DocumentInputs['cause'], evidence: cause.checklist });
    expect(JSON.stringify(model)).not.toContain(flat(sentences(cause.explanation.ru)[0]!));
  });
});

describe('letter arguments', () => {
  const gapCase = fixtureInputs('mission_letter_mvd');
  const R1 = bundle.causes.find((c) => c.id === 'R-1')!;

  it('state the gap with its real dates and the contract it falls in', () => {
    const facts = argumentFacts({ date: gapCase.date, documents: gapCase.documents, stays: gapCase.stays!, registrations: gapCase.registrations!, employments: gapCase.employments!, otherSpellings: [] });
    // Contract 12.04.2023–11.04.2025, registration to 11.04.2024, letter of 05.02.2025.
    expect(facts.gap).toEqual({ from: '12.04.2024', to: '05.02.2025', days: 300 });
    const { printed } = selectArguments(R1.arguments, new Set(['contract', 'registration_coupons']), bundle.legalRefs, facts);
    expect(printed.map((p) => p.text)).toContain(
      'По представленным документам в период с 12.04.2024 по 05.02.2025 (300 дн.) действовал трудовой договор № 15/23 от 12.04.2023 с ООО «СтройМонтаж», а сведений о миграционном учёте заявителя за этот период нет.',
    );
  });

  it('print an unverified rule only as a request to check, and its assertion once the reference is verified', () => {
    const facts = argumentFacts({ date: gapCase.date, documents: gapCase.documents, stays: gapCase.stays!, registrations: gapCase.registrations!, employments: gapCase.employments!, otherSpellings: [] });
    const evidence = new Set(R1.checklist);
    const unverified = selectArguments(R1.arguments, evidence, bundle.legalRefs, facts).printed.find((p) => p.id === 'R-1.term')!;
    expect(unverified.form).toBe('check');
    expect(unverified.text).toMatch(/^Просим проверить, не был ли срок пребывания заявителя исчислен без учёта/u);
    expect(unverified.text).not.toContain('Договора о Евразийском');
    const verified = selectArguments(R1.arguments, evidence, refsIn('verified'), facts).printed.find((p) => p.id === 'R-1.term')!;
    expect(verified.form).toBe('assertion');
    expect(verified.text).toContain('Согласно ст. 97 п. 5 Договора о Евразийском экономическом союзе');
  });

  it('leave out a paragraph whose facts the case lacks, naming them', () => {
    const facts = argumentFacts({ date: gapCase.date, documents: [], stays: [], registrations: [], employments: [], otherSpellings: [] });
    const { printed, skipped } = selectArguments(R1.arguments, new Set(R1.checklist), bundle.legalRefs, facts);
    expect(printed).toEqual([]);
    expect(skipped.find((s) => s.id === 'R-1.gap')).toMatchObject({ reason: 'facts_missing', missing: expect.arrayContaining(['gap.from', 'contract.ref']) });
  });

  it('the reference schema refuses a request to check that cites law and a law citation without its reference', () => {
    const cause = bundle.causes.find((c) => c.id === 'R-1') as ErrorCause;
    const bad = (patch: object) => errorCauseSchema.safeParse({ ...cause, arguments: [{ ...cause.arguments[0], ...patch }] }).success;
    expect(bad({})).toBe(true);
    expect(bad({ text: 'Согласно {{law.cite}} всё законно.', legalRef: null })).toBe(false);
    expect(bad({ legalRef: 'eaeu-art97-p5', checkText: 'Считаем, что {{contract.ref}} действовал.' })).toBe(false);
    expect(bad({ legalRef: 'eaeu-art97-p5', checkText: 'Просим проверить, не нарушен ли {{law.cite}}.' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { consistencyAllows, consistencyFindings, REGISTER_START_DEFAULT } from '../../../../shared/documents/checks';
import { TEMPLATE_KINDS } from '../../../../shared/documents/template-schema';
import { checkCases, cleanInputs } from '../../support/check-cases';
import { factoryTemplate } from '../../support/document-fixtures';

/** Each consistency check fires on its own case and on no other; the clean case passes every template. */

const options = (learnedAt?: string, checkDates: string[] = []) => ({ registerStart: REGISTER_START_DEFAULT, ...(learnedAt ? { learnedAt } : {}), checkDates });

describe('consistency checks', () => {
  it('find nothing in the clean case, for every factory template', () => {
    for (const kind of TEMPLATE_KINDS) {
      const inputs = cleanInputs(kind);
      const findings = consistencyFindings(factoryTemplate(kind), inputs, options(inputs.caseRecord.learnedAt, inputs.registerCheck ? [inputs.registerCheck.date] : []));
      expect(findings.map((f) => f.code), kind).toEqual([]);
    }
  });

  for (const c of checkCases()) {
    it(`${c.code}: found in its case, with the block it concerns and a stable key`, () => {
      const findings = consistencyFindings(c.template, c.inputs, options(c.learnedAt, c.checkDates));
      const mine = findings.filter((f) => f.code === c.code);
      expect(mine.length, JSON.stringify(findings)).toBeGreaterThan(0);
      const severity = ['lawful_stay_vs_gap', 'kyrgyz_letters_claim', 'self_attachment', 'addressee_field_missing'].includes(c.code) ? 'contradiction' : 'warning';
      expect(mine.every((f) => f.severity === severity)).toBe(true);
      expect(consistencyFindings(c.template, c.inputs, options(c.learnedAt, c.checkDates)).map((f) => f.key)).toEqual(findings.map((f) => f.key));
      if (severity === 'contradiction') expect(consistencyAllows(findings, new Set(findings.map((f) => f.key)))).toBe(false);
      else expect(consistencyAllows(mine, new Set())).toBe(false);
    });
  }

  it('names the gap with its dates against a lawful-stay statement, at the paragraph that makes it', () => {
    const c = checkCases().find((x) => x.code === 'lawful_stay_vs_gap')!;
    const [finding] = consistencyFindings(c.template, c.inputs, options(c.learnedAt)).filter((f) => f.code === 'lawful_stay_vs_gap');
    expect(finding!.params).toEqual({ from: '12.04.2024', to: '05.02.2025', days: 300 });
    const block = c.template.blocks[finding!.block!]!;
    expect(block.type === 'paragraph' && block.text).toContain('на законных основаниях');
  });

  it('a warning acknowledged lets the document through; a contradiction never does', () => {
    const c = checkCases().find((x) => x.code === 'sheet_count')!;
    const findings = consistencyFindings(c.template, c.inputs, options(c.learnedAt));
    expect(findings.map((f) => f.params)).toContainEqual({ index: 1, title: 'Копия паспорта AC 1234567', sheets: 1, pages: 3 });
    expect(consistencyAllows(findings, new Set(findings.map((f) => f.key)))).toBe(true);
  });

  it('warns of dates before the register existed, against the editable start date', () => {
    const c = checkCases().find((x) => x.code === 'date_before_register')!;
    expect(consistencyFindings(c.template, c.inputs, options(c.learnedAt, c.checkDates)).filter((f) => f.code === 'date_before_register').map((f) => f.params.date)).toEqual(['20.01.2025', '21.01.2025']);
    expect(consistencyFindings(c.template, c.inputs, { registerStart: '2025-01-01', learnedAt: '2025-01-20', checkDates: ['2025-01-21'] }).some((f) => f.code === 'date_before_register')).toBe(false);
  });
});

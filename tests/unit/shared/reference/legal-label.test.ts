import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalRefLabel, legalRefLabelOf } from '../../../../shared/reference/legal-label';
import type { LegalRef } from '../../../../shared/reference/schema';

const refs = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../resources/reference/legal-refs.json'), 'utf8')) as LegalRef[];

describe('legal reference labels', () => {
  it('cite the act in short with its article, as Russian documents do', () => {
    expect(legalRefLabelOf('kas-art219', refs)).toBe('КАС РФ, ст. 219 ч. 1');
    expect(legalRefLabelOf('115fz-art13', refs)).toBe('115-ФЗ, ст. 13 п. 8');
    expect(legalRefLabelOf('260fz', refs)).toBe('260-ФЗ');
    expect(legalRefLabelOf('eaeu-art97-p5', refs)).toBe('Договор о ЕАЭС, ст. 97 п. 5');
    expect(legalRefLabelOf('pp-1899', refs)).toBe('постановление Правительства РФ № 1899');
    expect(legalRefLabelOf('ukaz-205', refs)).toBe('Указ Президента РФ № 205');
    expect(legalRefLabelOf('prikaz-mvd-836', refs)).toBe('приказ МВД России № 836');
  });

  it('never show a reference id for any act of the factory data, and name an unknown act by its name', () => {
    for (const ref of refs) {
      const label = legalRefLabel(ref);
      expect(label).not.toContain(ref.id);
      expect(label).not.toMatch(/^[a-z0-9-]+$/);
      expect(label.length).toBeLessThan(60);
    }
    expect(legalRefLabel({ act: 'Соглашение между Кыргызской Республикой и Российской Федерацией «О трудовой деятельности»', article: 'ст. 4' })).toBe('Соглашение между Кыргызской Республикой и Российской Федерацией, ст. 4');
    expect(legalRefLabelOf('gone', refs)).toBe('gone');
  });
});

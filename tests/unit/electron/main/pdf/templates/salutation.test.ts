import { afterAll, describe, expect, it } from 'vitest';
import { createPdfEngine } from '../../../../../../electron/main/pdf/engine';
import { defaultFontDir } from '../../../../../../electron/main/pdf/fonts';
import { templatePdf } from '../../../../../../electron/main/pdf/templates/layout';
import { buildDocumentModel } from '../../../../../../shared/documents/model';
import type { TemplateKind } from '../../../../../../shared/documents/template-schema';
import { factoryTemplate, fixtureInputs, GENERATED_AT } from '../../../../support/document-fixtures';
import { PdfWorkspace } from '../../../../support/pdf-reader';
import { factoryBundle } from '../../../../support/reference-fixtures';

/**
 * Issue 14, finding 9: the form of address is the addressee's own (reference data, editable per addressee),
 * never a fixed «господин». Every letter with a salutation prints exactly what the directory holds.
 */

const engine = createPdfEngine(defaultFontDir());
const work = new PdfWorkspace();
afterAll(() => work.dispose());

const LETTERS: TemplateKind[] = ['mission_letter_mvd', 'cover_letter', 'reminder', 'complaint_superior', 'batch_list_letter'];

async function letterText(kind: TemplateKind, salutation: string, addresseeId = 'uvm-77'): Promise<string> {
  const addressee = factoryBundle().addressees.find((a) => a.id === addresseeId)!;
  const inputs = { ...fixtureInputs(kind), addressee: { ...addressee, salutation } };
  const doc = await templatePdf(engine, factoryTemplate(kind), buildDocumentModel(inputs), { generatedAt: GENERATED_AT });
  return work.read(doc.pdf, kind).flat;
}

describe('salutations from the addressee directory', () => {
  it.each(LETTERS)('%s prints the addressee\'s own salutation: a named head addressed as a woman', async (kind) => {
    const text = await letterText(kind, 'Уважаемая Ирина Викторовна!');
    expect(text).toContain('Уважаемая Ирина Викторовна!');
    expect(text).not.toContain('господин');
  });

  it('two addressees of the factory directory get their own salutations in the same letter', async () => {
    const bundle = factoryBundle();
    const [a, b] = ['mvd-citizenship-registration-service', 'uvm-77'].map((id) => bundle.addressees.find((x) => x.id === id)!);
    expect(a!.salutation).not.toBe(b!.salutation);
    for (const addressee of [a!, b!]) expect(await letterText('mission_letter_mvd', addressee.salutation, addressee.id)).toContain(addressee.salutation);
  });
});

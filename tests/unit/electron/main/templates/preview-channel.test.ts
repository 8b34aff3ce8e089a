import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../electron/main/handlers';
import { createDispatcher } from '../../../../../electron/main/ipc/dispatch';
import type { DocumentTemplate } from '../../../../../shared/documents/template-schema';
import { TEMPLATE_KINDS } from '../../../../../shared/documents/template-schema';
import type { ResponseOf } from '../../../../../shared/ipc/contract';
import { factoryTemplate, fixtureInputs } from '../../../support/document-fixtures';
import { flat, PdfWorkspace } from '../../../support/pdf-reader';
import { testContext } from '../../../support/call-context';
import { testMainDeps } from '../../../support/main-deps';

const ctx = testContext();
const dispatch = createDispatcher(
  createHandlers(testMainDeps('/tmp', { now: () => new Date('2026-01-15T09:00:00Z') })),
  () => undefined,
);
const work = new PdfWorkspace();
afterAll(() => work.dispose());

type Preview = ResponseOf<'templates:preview'>;

async function preview(template: unknown, extra: Record<string, unknown> = {}): Promise<Preview> {
  const result = await dispatch('templates:preview', { template, ...extra }, ctx);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as Preview;
}

function withParagraph(template: DocumentTemplate, text: string): DocumentTemplate {
  const copy = structuredClone(template);
  const index = copy.blocks.findIndex((b) => b.type === 'paragraph');
  copy.blocks[index] = { ...(copy.blocks[index] as Extract<DocumentTemplate['blocks'][number], { type: 'paragraph' }>), text };
  return { ...copy, readOnly: false, version: 2 };
}

describe('templates:preview channel', () => {
  it('renders an edited template over the sample case as a real PDF carrying the edit and the Kyrgyz letters', async () => {
    const template = withParagraph(factoryTemplate('mission_letter_mvd'), 'Проверочный абзац для гражданина {{person.fullNameKy}}.');
    const answer = await preview(template);
    expect(answer.status).toBe('rendered');
    if (answer.status !== 'rendered') return;
    const bytes = Buffer.from(answer.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(answer.bytes).toBe(bytes.byteLength);
    const text = work.read(bytes, 'preview').flat;
    expect(text).toContain(flat('Проверочный абзац для гражданина Төлөгөнов Чыңгыз Үмүтбекович.'));
    expect(answer.pages).toBeGreaterThanOrEqual(1);
  });

  it("uses the user's mission and caseworker when sent", async () => {
    const mission = { nameRu: 'Генеральное консульство Кыргызской Республики в г. Екатеринбурге', nameKy: 'Кыргыз Республикасынын Екатеринбургдагы Башкы консулдугу', address: '620075, г. Екатеринбург, ул. Примерная, д. 1', phones: '', outgoingPrefix: 'КР-Е' };
    const caseworker = { fullName: 'Жаңыбаев Эрмек Сүйүнбекович', position: 'Консул', phone: '+7 343 000-00-00' };
    const answer = await preview(factoryTemplate('mission_letter_mvd'), { mission, caseworker });
    if (answer.status !== 'rendered') throw new Error(answer.reason);
    const text = work.read(Buffer.from(answer.pdfBase64, 'base64'), 'mission').flat;
    expect(text).toContain(mission.nameRu.toUpperCase());
    expect(text).toContain('КР-Е/2026-0011');
    expect(text).toContain(`Исп.: ${caseworker.fullName}`);
  });

  it('previews every factory template from the sample case', async () => {
    for (const kind of TEMPLATE_KINDS) {
      const answer = await preview(factoryTemplate(kind));
      expect([kind, answer.status]).toEqual([kind, 'rendered']);
    }
  }, 30_000);

  it('answers what is wrong instead of a PDF: a field that does not exist, a requisite the sample leaves empty', async () => {
    const typo = withParagraph(factoryTemplate('mission_letter_mvd'), 'Гражданин {{person.fullNmeRu}}.');
    expect(await preview(typo)).toEqual({ status: 'refused', reason: 'unknown_fields', fields: ['person.fullNmeRu'] });
    const base = factoryTemplate('mission_letter_mvd');
    const needsAnswer = { ...base, requisites: [...base.requisites, { path: 'answer.summary', label: 'Содержание ответа' }] };
    expect(await preview(needsAnswer)).toEqual({ status: 'refused', reason: 'missing_requisites', missing: [{ path: 'answer.summary', label: 'Содержание ответа' }] });
  });

  it('refuses an invalid template before rendering, naming the field', async () => {
    const broken = withParagraph(factoryTemplate('mission_letter_mvd'), 'Непарный ** маркер');
    const result = await dispatch('templates:preview', { template: broken }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'INVALID_PAYLOAD') throw new Error('expected INVALID_PAYLOAD');
    expect(result.error.issues.map((i) => i.path)).toContain(`template.blocks.${broken.blocks.findIndex((b) => b.type === 'paragraph')}.text`);
  });

  it("renders with a real case's inputs when the page sends them", async () => {
    const inputs = fixtureInputs('mission_letter_mvd');
    const answer = await preview(factoryTemplate('mission_letter_mvd'), { inputs: JSON.parse(JSON.stringify(inputs)) });
    if (answer.status !== 'rendered') throw new Error(answer.reason);
    const text = work.read(Buffer.from(answer.pdfBase64, 'base64'), 'case').flat;
    expect(text).toContain('Үсөнов Маңызбек Жумабекович');
    expect(text).not.toContain('Төлөгөнов');
  });

  it('builds sample inputs that pass the same schema as a real case, for every kind', async () => {
    const { documentInputsSchema } = await import('../../../../../shared/ipc/channels/documents');
    const { sampleInputs } = await import('../../../../../shared/documents/sample-case');
    const { factoryBundle } = await import('../../../support/reference-fixtures');
    for (const kind of TEMPLATE_KINDS) {
      const parsed = documentInputsSchema.safeParse(sampleInputs(kind, factoryBundle()));
      expect([kind, parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))]).toEqual([kind, []]);
    }
  });
});

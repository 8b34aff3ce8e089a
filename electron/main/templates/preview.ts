import { buildDocumentModel } from '../../../shared/documents/model';
import { sampleInputs } from '../../../shared/documents/sample-case';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { MainDeps } from '../handlers';
import { renderTemplate, TemplateRenderError } from '../pdf/templates/render';
import { loadFactoryReference } from '../reference/factory';

/**
 * A template drawn over the sample case by the same code that makes real documents, so what the editor shows
 * is what a caseworker will print. A template the sample cannot fill is answered with what is wrong (typed,
 * for the page to translate), not an error.
 */
export async function previewTemplate(deps: MainDeps, request: ParsedRequestOf<'templates:preview'>): Promise<ResponseOf<'templates:preview'>> {
  const reference = await loadFactoryReference(deps.referenceDir);
  const model = buildDocumentModel(sampleInputs(request.template.kind, reference, { mission: request.mission, caseworker: request.caseworker }));
  try {
    const rendered = await renderTemplate(deps.pdf, request.template, model, { generatedAt: deps.now() });
    return { status: 'rendered', pdfBase64: rendered.pdf.toString('base64'), pages: rendered.pages, bytes: rendered.pdf.byteLength };
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    if (error.code === 'MISSING_REQUISITES') return { status: 'refused', reason: 'missing_requisites', missing: [...error.missing] };
    return { status: 'refused', reason: 'unknown_fields', fields: [...error.unknownFields] };
  }
}

import { buildDocumentModel } from '../../../shared/documents/model';
import { sampleInputs } from '../../../shared/documents/sample-case';
import type { ParsedRequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { MainDeps } from '../main-deps';
import { templatePdfOrRefusal } from '../pdf/templates/layout';
import { loadFactoryReference } from '../reference/factory';

/**
 * A template drawn over the sample case by the same code that makes real documents, so what the editor shows
 * is what a caseworker will print. A template the sample cannot fill is answered with what is wrong (typed,
 * for the page to translate), not an error.
 */
export async function previewTemplate(deps: MainDeps, request: ParsedRequestOf<'templates:preview'>): Promise<ResponseOf<'templates:preview'>> {
  const inputs = request.inputs ?? sampleInputs(request.template.kind, await loadFactoryReference(deps.referenceDir), { mission: request.mission, caseworker: request.caseworker });
  const model = buildDocumentModel(inputs);
  const made = await templatePdfOrRefusal(deps.pdf, request.template, model, { generatedAt: deps.now() });
  if ('status' in made) return made;
  return { status: 'rendered', pdfBase64: made.pdf.toString('base64'), pages: made.pages, bytes: made.pdf.byteLength };
}

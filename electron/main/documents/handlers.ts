import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDocumentModel, missingRequisites, type DocumentInputs } from '../../../shared/documents/model';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import type { HandlerTable } from '../ipc/dispatch';
import { HandlerError } from '../ipc/dispatch';
import type { MainDeps } from '../handlers';
import { renderTemplate, TemplateRenderError, type RenderedDocument } from '../pdf/templates/render';
import { writeFileAtomic } from '../save-file';
import { caseFolder, resolveStoredPdf, StorePathError } from './store-path';

type DocumentsHandlers = Pick<HandlerTable, 'documents:generate' | 'documents:preview' | 'documents:open' | 'documents:saveAs' | 'documents:print'>;

interface Refusal {
  status: 'refused';
  reason: 'missing_requisites' | 'unknown_field';
  missing: Array<{ path: string; label: string }>;
  unknownFields: string[];
}

/** A stored file the page asked for; a path that leaves the store through a link is refused. */
async function stored(deps: MainDeps, relPath: string): Promise<string | null> {
  try {
    return await resolveStoredPdf(deps.dataDir, relPath);
  } catch (error) {
    if (error instanceof StorePathError) throw new HandlerError('IO_ERROR', error.message);
    throw error;
  }
}

/**
 * The model is built by the same pure function the review screen uses, so what the caseworker reviewed is what
 * is printed; a missing requisite or a field the model lacks refuses the document, naming them.
 */
async function render(deps: MainDeps, template: DocumentTemplate, inputs: DocumentInputs): Promise<RenderedDocument | Refusal> {
  const model = buildDocumentModel(inputs);
  const missing = missingRequisites(template, model);
  if (missing.length > 0) return { status: 'refused', reason: 'missing_requisites', missing, unknownFields: [] };
  try {
    return await renderTemplate(deps.pdf, template, model, { generatedAt: deps.now() });
  } catch (error) {
    if (!(error instanceof TemplateRenderError)) throw error;
    return {
      status: 'refused',
      reason: error.code === 'MISSING_REQUISITES' ? 'missing_requisites' : 'unknown_field',
      missing: [...error.missing],
      unknownFields: [...error.unknownFields],
    };
  }
}

/** Generation runs here, not in the page: the template and the inputs were validated by the channel's schemas. */
export function createDocumentsHandlers(deps: MainDeps): DocumentsHandlers {
  return {
    'documents:generate': async (request) => {
      const rendered = await render(deps, request.template, request.inputs);
      if ('status' in rendered) return rendered;
      const folder = await caseFolder(deps.dataDir, request.caseId);
      const file = `${request.documentId}.pdf`;
      await writeFileAtomic(path.join(folder, file), rendered.pdf);
      return {
        status: 'generated',
        relPath: `${request.caseId}/${file}`,
        sha256: createHash('sha256').update(rendered.pdf).digest('hex'),
        bytes: rendered.pdf.byteLength,
        pages: rendered.pages,
      };
    },

    'documents:preview': async (request) => {
      const rendered = await render(deps, request.template, request.inputs);
      if ('status' in rendered) return rendered;
      return { status: 'rendered', pdfBase64: rendered.pdf.toString('base64'), pages: rendered.pages, bytes: rendered.pdf.byteLength };
    },

    'documents:open': async (request, ctx) => {
      const file = await stored(deps, request.relPath);
      if (!file) return { status: 'missing' };
      await ctx.openPath(file);
      return { status: 'opened' };
    },

    'documents:saveAs': async (request, ctx) => {
      const file = await stored(deps, request.relPath);
      if (!file) return { status: 'missing', fileName: '' };
      const data = await readFile(file);
      return ctx.saveFile({ defaultName: request.fileName ?? path.basename(file), data, filterName: 'PDF', extensions: ['pdf'] });
    },

    // Never silent: the desktop hook shows the PDF with the system print dialog; browser mode hands the file over.
    'documents:print': async (request, ctx) => {
      const file = await stored(deps, request.relPath);
      if (!file) return { status: 'missing' };
      if (deps.mode === 'desktop' && deps.printPdf) await deps.printPdf(file);
      else await ctx.openPath(file);
      return { status: 'opened' };
    },
  };
}

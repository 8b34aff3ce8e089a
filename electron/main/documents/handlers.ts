import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDocumentModel, type DocumentInputs } from '../../../shared/documents/model';
import type { DocumentRefusal } from '../../../shared/documents/requisites';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import type { HandlerTable } from '../ipc/dispatch';
import { HandlerError } from '../ipc/dispatch';
import type { MainDeps } from '../main-deps';
import { templatePdfOrRefusal, type TemplatePdf } from '../pdf/templates/layout';
import { resolveStoredPdf, storeCaseDocument, StorePathError } from './store';

type DocumentsHandlers = Pick<HandlerTable, 'documents:generate' | 'documents:preview' | 'documents:open' | 'documents:saveAs' | 'documents:print'>;

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
 * The document's PDF in memory, or the refusal. The model is built and its requisites checked by the same pure
 * functions the review panel uses (the layout calls checkRequisites), so what the caseworker reviewed is what is printed.
 */
function documentPdf(deps: MainDeps, template: DocumentTemplate, inputs: DocumentInputs): Promise<TemplatePdf | DocumentRefusal> {
  return templatePdfOrRefusal(deps.pdf, template, buildDocumentModel(inputs), { generatedAt: deps.now() });
}

/** Generation runs here, not in the page: the template and the inputs were validated by the channel's schemas. */
export function createDocumentsHandlers(deps: MainDeps): DocumentsHandlers {
  return {
    'documents:generate': async (request) => {
      const made = await documentPdf(deps, request.template, request.inputs);
      if ('status' in made) return made;
      return { status: 'generated', ...(await storeCaseDocument(deps.dataDir, request.caseId, request.documentId, made)) };
    },

    'documents:preview': async (request) => {
      const made = await documentPdf(deps, request.template, request.inputs);
      if ('status' in made) return made;
      return { status: 'rendered', pdfBase64: made.pdf.toString('base64'), pages: made.pages, bytes: made.pdf.byteLength };
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
      return ctx.saveFile({ defaultName: request.fileName ?? path.basename(file), data, filterName: 'pdf', extensions: ['pdf'] });
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

import path from 'node:path';
import { buildDocumentModel, type DocumentInputs } from '../../../shared/documents/model';
import type { DocumentRefusal } from '../../../shared/documents/requisites';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import type { CallContext, HandlerTable } from '../ipc/dispatch';
import { HandlerError } from '../ipc/dispatch';
import type { MainDeps } from '../main-deps';
import { templatePdfOrRefusal, type TemplatePdf } from '../pdf/templates/layout';
import { requireFileKeys } from '../crypto/session-keys';
import { readStoredFile, resolveStoredPdf, storeCaseDocument, StorePathError } from './store';
import { defaultViewerTempDir, ViewerCopies, ViewerFolderError } from './viewer-copies';

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
export function createDocumentsHandlers(deps: MainDeps, copies = new ViewerCopies(deps.viewerTempDir ?? defaultViewerTempDir(deps.dataDir))): DocumentsHandlers {
  /** A plain copy of a stored document for the act of showing or printing it (the viewer cannot read it sealed). */
  const plainCopy = async (file: string, ctx: CallContext): Promise<Buffer> => readStoredFile(file, requireFileKeys(deps.fileKeys, ctx).content);
  const viewerFailure = (error: unknown): never => {
    if (error instanceof ViewerFolderError) throw new HandlerError('IO_ERROR', error.message);
    throw error;
  };
  return {
    'documents:generate': async (request, ctx) => {
      const keys = requireFileKeys(deps.fileKeys, ctx);
      const made = await documentPdf(deps, request.template, request.inputs);
      if ('status' in made) return made;
      return { status: 'generated', ...(await storeCaseDocument(deps.dataDir, request.caseId, request.documentId, made, keys.content)) };
    },

    'documents:preview': async (request) => {
      const made = await documentPdf(deps, request.template, request.inputs);
      if ('status' in made) return made;
      return { status: 'rendered', pdfBase64: made.pdf.toString('base64'), pages: made.pages, bytes: made.pdf.byteLength };
    },

    'documents:open': async (request, ctx) => {
      const file = await stored(deps, request.relPath);
      if (!file) return { status: 'missing' };
      const copy = await copies.writeForViewer(path.basename(file), await plainCopy(file, ctx)).catch(viewerFailure);
      await ctx.openPath(copy);
      return { status: 'opened' };
    },

    'documents:saveAs': async (request, ctx) => {
      const file = await stored(deps, request.relPath);
      if (!file) return { status: 'missing', fileName: '' };
      const data = await plainCopy(file, ctx);
      return ctx.saveFile({ defaultName: request.fileName ?? path.basename(file), data, filterName: 'pdf', extensions: ['pdf'] });
    },

    // Never silent: the desktop hook shows the PDF with the system print dialog; browser mode hands the file over.
    'documents:print': async (request, ctx) => {
      const file = await stored(deps, request.relPath);
      if (!file) return { status: 'missing' };
      const bytes = await plainCopy(file, ctx);
      if (deps.mode === 'desktop' && deps.printPdf) {
        // The print window reports when it closes: its copy goes then.
        const copy = await copies.write(path.basename(file), bytes).catch(viewerFailure);
        try {
          await deps.printPdf(copy.file, () => void copy.remove());
        } catch (error) {
          await copy.remove();
          throw error;
        }
      } else await ctx.openPath(await copies.writeForViewer(path.basename(file), bytes).catch(viewerFailure));
      return { status: 'opened' };
    },
  };
}

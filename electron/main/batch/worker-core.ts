import { buildDocumentModel, type DocumentInputs } from '../../../shared/documents/model';
import { refusalAsItemError, type DocumentRefusal } from '../../../shared/documents/requisites';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import { caseDocumentPath, readStoredPdf, storeCaseDocument, storeMergedBatch } from '../documents/store';
import { createPdfEngine, type PdfEngine } from '../pdf/engine';
import { templatePdfOrRefusal } from '../pdf/templates/layout';
import type { TaskFailure, WorkerRequest, WorkerResponse } from './protocol';
import { mergePdfFiles } from './merge';

/**
 * What a batch worker does, apart from how messages reach it: makes one item's PDF (model → requisites check →
 * layout → pdfmake) and stores it as a single document is stored (documents/store.ts), or merges stored files.
 * One engine per worker, so the fonts are parsed once for the worker's whole life.
 */
export interface BatchWorkerCore {
  handle(request: WorkerRequest): Promise<WorkerResponse | null>;
}

function refused(refusal: DocumentRefusal): TaskFailure {
  return { ...refusalAsItemError(refusal), refusal };
}

function failure(error: unknown): TaskFailure {
  const err = error as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && /^E[A-Z]+$/.test(err.code)) return { code: 'IO_ERROR', message: err.message };
  return { code: 'RENDER_FAILED', message: error instanceof Error ? error.message : String(error) };
}

export function createBatchWorkerCore(): BatchWorkerCore {
  let engine: PdfEngine | null = null;
  let dataDir = '';
  const templates = new Map<string, DocumentTemplate>();
  const rss = () => process.memoryUsage.rss();

  return {
    async handle(request) {
      switch (request.type) {
        case 'init':
          engine = createPdfEngine(request.fontDir);
          dataDir = request.dataDir;
          return { type: 'ready', rss: rss() };
        case 'template':
          templates.set(request.key, request.template);
          return null;
        case 'forgetTemplate':
          templates.delete(request.key);
          return null;
        case 'render': {
          const started = performance.now();
          const { item } = request;
          const base = { type: 'rendered' as const, taskId: request.taskId, key: item.key };
          try {
            if (!engine) throw new Error('Worker not initialised');
            const template = templates.get(request.templateKey);
            if (!template) return { ...base, ok: false, error: { code: 'NO_TEMPLATE', message: request.templateKey }, ms: 0, rss: rss() };
            // An id that cannot name a file fails before any work is spent on it.
            caseDocumentPath(item.caseId, item.documentId);
            let model;
            try {
              model = buildDocumentModel(item.inputs as unknown as DocumentInputs);
            } catch (error) {
              return { ...base, ok: false, error: { code: 'BAD_INPUTS', message: error instanceof Error ? error.message : String(error) }, ms: performance.now() - started, rss: rss() };
            }
            const made = await templatePdfOrRefusal(engine, template, model, { generatedAt: new Date(request.generatedAt) });
            if ('status' in made) return { ...base, ok: false, error: refused(made), ms: performance.now() - started, rss: rss() };
            const file = await storeCaseDocument(dataDir, item.caseId, item.documentId, made, Buffer.from(request.contentKey, 'base64'));
            return { ...base, ok: true, file, ms: performance.now() - started, rss: rss() };
          } catch (error) {
            return { ...base, ok: false, error: failure(error), ms: performance.now() - started, rss: rss() };
          }
        }
        case 'merge': {
          const started = performance.now();
          const base = { type: 'merged' as const, taskId: request.taskId };
          try {
            const key = Buffer.from(request.contentKey, 'base64');
            const merged = await mergePdfFiles(request.files, async (relPath) => {
              const source = await readStoredPdf(dataDir, relPath, key);
              if (!source) throw Object.assign(new Error(`No stored document ${relPath}`), { code: 'ENOENT' });
              return source;
            });
            const file = await storeMergedBatch(dataDir, request.jobId, merged, key);
            return { ...base, ok: true, file, ms: performance.now() - started, rss: rss() };
          } catch (error) {
            return { ...base, ok: false, error: failure(error), ms: performance.now() - started, rss: rss() };
          }
        }
      }
    },
  };
}

import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildDocumentModel, type DocumentInputs } from '../../../shared/documents/model';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import { createPdfEngine, type PdfEngine } from '../pdf/engine';
import { renderTemplate, TemplateRenderError } from '../pdf/templates/render';
import { writeFileAtomic } from '../save-file';
import type { StoredFile, TaskFailure, WorkerRequest, WorkerResponse } from './protocol';
import { caseFileRelPath, resolveStoredFile, storePath } from './store-paths';
import { mergePdfFiles } from './merge';

/**
 * What a batch worker does, apart from how messages reach it: renders one item (model → pdfmake → atomic
 * write into the case's folder, content hash) or merges stored files. One engine per worker, so the fonts
 * are parsed once for the worker's whole life.
 */
export interface BatchWorkerCore {
  handle(request: WorkerRequest): Promise<WorkerResponse | null>;
}

function failure(error: unknown): TaskFailure {
  if (error instanceof TemplateRenderError) return { code: error.code, message: error.message };
  const err = error as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && /^E[A-Z]+$/.test(err.code)) return { code: 'IO_ERROR', message: err.message };
  return { code: 'RENDER_FAILED', message: error instanceof Error ? error.message : String(error) };
}

async function store(dataDir: string, relPath: string, pdf: Uint8Array, pages: number): Promise<StoredFile> {
  const target = storePath(dataDir, relPath);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, pdf);
  return { relPath, sha256: createHash('sha256').update(pdf).digest('hex'), bytes: pdf.byteLength, pages };
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
            const relPath = caseFileRelPath(item.caseId, item.documentId);
            let model;
            try {
              model = buildDocumentModel(item.inputs as unknown as DocumentInputs);
            } catch (error) {
              return { ...base, ok: false, error: { code: 'BAD_INPUTS', message: error instanceof Error ? error.message : String(error) }, ms: performance.now() - started, rss: rss() };
            }
            const rendered = await renderTemplate(engine, template, model, { generatedAt: new Date(request.generatedAt) });
            const file = await store(dataDir, relPath, rendered.pdf, rendered.pages);
            return { ...base, ok: true, file, ms: performance.now() - started, rss: rss() };
          } catch (error) {
            return { ...base, ok: false, error: failure(error), ms: performance.now() - started, rss: rss() };
          }
        }
        case 'merge': {
          const started = performance.now();
          const base = { type: 'merged' as const, taskId: request.taskId };
          try {
            const sources = await Promise.all(request.files.map((f) => resolveStoredFile(dataDir, f)));
            const merged = await mergePdfFiles(sources);
            const file = await store(dataDir, request.target, merged.pdf, merged.pages);
            return { ...base, ok: true, file, ms: performance.now() - started, rss: rss() };
          } catch (error) {
            return { ...base, ok: false, error: failure(error), ms: performance.now() - started, rss: rss() };
          }
        }
      }
    },
  };
}

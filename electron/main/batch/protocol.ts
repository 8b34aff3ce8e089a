import type { DocumentTemplate } from '../../../shared/documents/template-schema';

/**
 * Messages between the batch runner (main's event loop) and a batch worker (an Electron utilityProcess, or a
 * worker thread in browser mode and tests). Structured-clone friendly: plain objects, strings, numbers.
 * The worker is stateless apart from its cached fonts and templates: one task at a time, answered in order.
 */

/** A stored PDF as the documents register records it; `relPath` is relative to the data dir, with forward slashes. */
export interface StoredFile {
  relPath: string;
  sha256: string;
  bytes: number;
  pages: number;
}

export interface RenderItem {
  /** The caller's own key for the item (the renderer's batch item id), echoed back. */
  key: string;
  caseId: string;
  documentId: string;
  /** DocumentInputs as the renderer built them; validated by building the model inside the worker. */
  inputs: Record<string, unknown>;
}

export type WorkerRequest =
  | { type: 'init'; fontDir: string; dataDir: string }
  /** Cached by key in the worker so a job sends its template once, not with every item. */
  | { type: 'template'; key: string; template: DocumentTemplate }
  | { type: 'render'; taskId: number; templateKey: string; item: RenderItem; generatedAt: string }
  | { type: 'merge'; taskId: number; files: string[]; target: string }
  | { type: 'forgetTemplate'; key: string };

export interface TaskFailure {
  /** MISSING_REQUISITES, UNKNOWN_FIELD, BAD_INPUTS, IO_ERROR, RENDER_FAILED, NO_TEMPLATE, WORKER_EXITED. */
  code: string;
  message: string;
}

export type WorkerResponse =
  | { type: 'ready'; rss: number }
  | { type: 'rendered'; taskId: number; key: string; ok: true; file: StoredFile; ms: number; rss: number }
  | { type: 'rendered'; taskId: number; key: string; ok: false; error: TaskFailure; ms: number; rss: number }
  | { type: 'merged'; taskId: number; ok: true; file: StoredFile; ms: number; rss: number }
  | { type: 'merged'; taskId: number; ok: false; error: TaskFailure; ms: number; rss: number };

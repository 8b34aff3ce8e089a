import type { DocumentRefusal } from '../../../shared/documents/requisites';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import type { StoredFile } from '../documents/store';

/**
 * Messages between the batch runner (main's event loop) and a batch worker (an Electron utilityProcess, or a
 * worker thread in browser mode and tests). Structured-clone friendly: plain objects, strings, numbers.
 * The worker is stateless apart from its cached fonts and templates: one task at a time, answered in order.
 */

export type { StoredFile };

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
  /** `contentKey` (base64) seals what the worker stores: the files key of the session that started the job. */
  | { type: 'render'; taskId: number; templateKey: string; item: RenderItem; generatedAt: string; contentKey: string }
  /** `files` are case documents as the register names them (documents/store.ts); the copy goes to the job's own file. */
  | { type: 'merge'; taskId: number; files: string[]; jobId: string; contentKey: string }
  | { type: 'forgetTemplate'; key: string };

export interface TaskFailure {
  /** MISSING_REQUISITES, UNKNOWN_FIELD (a refusal), BAD_INPUTS, IO_ERROR, RENDER_FAILED, NO_TEMPLATE, WORKER_EXITED. */
  code: string;
  message: string;
  /** The refusal itself when the document could not be made from the case (the code and message are its flat form). */
  refusal?: DocumentRefusal;
}

export type WorkerResponse =
  | { type: 'ready'; rss: number }
  | { type: 'rendered'; taskId: number; key: string; ok: true; file: StoredFile; ms: number; rss: number }
  | { type: 'rendered'; taskId: number; key: string; ok: false; error: TaskFailure; ms: number; rss: number }
  | { type: 'merged'; taskId: number; ok: true; file: StoredFile; ms: number; rss: number }
  | { type: 'merged'; taskId: number; ok: false; error: TaskFailure; ms: number; rss: number };

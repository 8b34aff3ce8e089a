import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import { HandlerError } from '../ipc/dispatch';
import { loadFactoryTemplates } from '../pdf/templates/factory';

let cached: { dir: string; templates: DocumentTemplate[] } | null = null;

/**
 * The factory templates of a folder, read and validated once. A broken file is an installation problem:
 * it is logged with the file and the path at fault and answered as IO_ERROR (never skipped silently).
 */
export function factoryTemplatesIn(dir: string): DocumentTemplate[] {
  if (cached?.dir === dir) return cached.templates;
  let result: ReturnType<typeof loadFactoryTemplates>;
  try {
    result = loadFactoryTemplates(dir);
  } catch (error) {
    console.error(`templates: cannot read ${dir}`, error);
    throw new HandlerError('IO_ERROR');
  }
  if (!result.ok) {
    console.error('templates: invalid factory files', JSON.stringify(result.issues.slice(0, 20)));
    throw new HandlerError('IO_ERROR');
  }
  cached = { dir, templates: result.templates };
  return result.templates;
}

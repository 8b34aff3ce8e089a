import path from 'node:path';
import type { MainDeps } from '../main-deps';
import { factoryTemplatesIn } from './factory-cache';
import { previewTemplate } from './preview';

/** Where the factory templates are: the folder the host names, else the one beside the reference data. */
export function templatesDirOf(deps: Pick<MainDeps, 'referenceDir' | 'templatesDir'>): string {
  return deps.templatesDir ?? path.join(path.dirname(deps.referenceDir), 'templates');
}

export function createTemplatesHandlers(deps: MainDeps) {
  return {
    'templates:factory': async () => ({ templates: factoryTemplatesIn(templatesDirOf(deps)) }),
    'templates:preview': (request: Parameters<typeof previewTemplate>[1]) => previewTemplate(deps, request),
  } as const;
}

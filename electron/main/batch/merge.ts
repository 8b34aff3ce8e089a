import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';

/**
 * Concatenates PDFs in order with pdf-lib. Sources are read and dropped one at a time, so memory holds the
 * growing output and a single source, never every input at once. `read` gives a source's plain bytes (stored
 * documents are sealed on disk); by default a plain file is read.
 */
export async function mergePdfFiles(files: readonly string[], read: (file: string) => Promise<Uint8Array> = (file) => readFile(file), title?: string): Promise<{ pdf: Uint8Array; pages: number }> {
  const out = await PDFDocument.create();
  for (const file of files) {
    const source = await PDFDocument.load(await read(file), { updateMetadata: false });
    const pages = await out.copyPages(source, source.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  if (title) out.setTitle(title);
  out.setProducer('Aryz');
  out.setCreator('Aryz');
  const pdf = await out.save();
  return { pdf, pages: out.getPageCount() };
}

import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_IMPORT_FILE_MB, MAX_XLSX_UNPACKED_MB, type ImportOpenResult } from '../../../shared/ipc/channels/import';
import { parseCsv } from './csv';
import { parseXlsx, xlsxKind } from './xlsx';
import type { XlsxParser } from './xlsx-thread';

/** Parses bytes by their content (a zip is a workbook), the name only breaking ties. Total. */
export async function parseImportBytes(
  bytes: Uint8Array,
  fileName: string,
  sheet?: string,
  xlsx: XlsxParser = parseXlsx,
): Promise<Exclude<ImportOpenResult, { status: 'canceled' }>> {
  const refused = (reason: Extract<ImportOpenResult, { status: 'refused' }>['reason']) => ({
    status: 'refused' as const,
    reason,
    fileName,
    limitMb: reason === 'unpacked_too_large' ? MAX_XLSX_UNPACKED_MB : MAX_IMPORT_FILE_MB,
  });
  const kind = xlsxKind(bytes);
  if (kind !== 'other' || /\.xlsx$/i.test(fileName)) {
    const parsed = await xlsx(bytes, sheet);
    if (!parsed.ok) return refused(parsed.reason);
    const { sheets, sheet: read, ...table } = parsed.value;
    return { status: 'parsed', fileId: '', fileName, format: 'xlsx', encoding: '', delimiter: '', sheets, sheet: read, table };
  }
  const parsed = parseCsv(bytes);
  if (!parsed.ok) return refused(parsed.reason);
  const { encoding, delimiter, ...table } = parsed.value;
  return { status: 'parsed', fileId: '', fileName, format: 'csv', encoding, delimiter, sheets: [], sheet: '', table };
}

/**
 * Files the user picked, remembered by an opaque id so another sheet can be read without asking again;
 * the page never sees or sends a path. What is remembered is the file's bytes, read once when it is opened,
 * not its path: in browser mode the picked file is a plain upload copy of a spreadsheet of people, which the
 * bridge deletes as soon as `import:open` has read it (tests/bridge/server.ts), and in the app a file changed
 * or moved between two sheets would otherwise mix two versions. Workbooks are parsed by `xlsx` (a worker
 * thread in the app).
 */
export function createImportFiles(maxRemembered = 16, xlsx: XlsxParser = parseXlsx) {
  const files = new Map<string, { fileName: string; bytes: Uint8Array }>();
  const remember = (fileName: string, bytes: Uint8Array) => {
    const id = randomBytes(12).toString('hex');
    files.set(id, { fileName, bytes });
    while (files.size > maxRemembered) files.delete(files.keys().next().value as string);
    return id;
  };

  async function open(absolutePath: string): Promise<Exclude<ImportOpenResult, { status: 'canceled' }>> {
    const fileName = path.basename(absolutePath);
    const refused = (reason: 'too_large' | 'unreadable') => ({ status: 'refused' as const, reason, fileName, limitMb: MAX_IMPORT_FILE_MB });
    let bytes: Uint8Array;
    try {
      const info = await stat(absolutePath);
      if (!info.isFile()) return refused('unreadable');
      if (info.size > MAX_IMPORT_FILE_MB * 1024 * 1024) return refused('too_large');
      bytes = await readFile(absolutePath);
    } catch {
      return refused('unreadable');
    }
    const result = await parseImportBytes(bytes, fileName, undefined, xlsx);
    return result.status === 'parsed' ? { ...result, fileId: remember(fileName, bytes) } : result;
  }

  return {
    open,
    sheet: async (fileId: string, sheet: string) => {
      const known = files.get(fileId);
      if (!known) return { status: 'refused' as const, reason: 'expired' as const, fileName: '', limitMb: MAX_IMPORT_FILE_MB };
      const result = await parseImportBytes(known.bytes, known.fileName, sheet, xlsx);
      return result.status === 'parsed' ? { ...result, fileId } : result;
    },
  };
}

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
 * the page never sees or sends a path. Workbooks are parsed by `xlsx` (a worker thread in the app).
 */
export function createImportFiles(maxRemembered = 16, xlsx: XlsxParser = parseXlsx) {
  const files = new Map<string, string>();
  const remember = (absolutePath: string) => {
    const id = randomBytes(12).toString('hex');
    files.set(id, absolutePath);
    while (files.size > maxRemembered) files.delete(files.keys().next().value as string);
    return id;
  };

  async function read(absolutePath: string, fileId: string, sheet?: string): Promise<Exclude<ImportOpenResult, { status: 'canceled' }>> {
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
    const result = await parseImportBytes(bytes, fileName, sheet, xlsx);
    return result.status === 'parsed' ? { ...result, fileId } : result;
  }

  return {
    open: (absolutePath: string) => read(absolutePath, remember(absolutePath)),
    sheet: async (fileId: string, sheet: string) => {
      const known = files.get(fileId);
      if (!known) return { status: 'refused' as const, reason: 'expired' as const, fileName: '', limitMb: MAX_IMPORT_FILE_MB };
      return read(known, fileId, sheet);
    },
  };
}

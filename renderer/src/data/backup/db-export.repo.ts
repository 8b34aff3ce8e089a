import Dexie, { type IndexableType, type IndexableTypeArrayReadonly, type Table } from 'dexie';
import { atRestMiddleware } from '../at-rest/field-crypto';

/**
 * The database inside a backup: JSON lines. The first line describes the database (name, Dexie version, every
 * table's schema and row count); each further line carries up to PAGE rows of one table. Plain JSON.stringify per
 * page instead of dexie-export-import's per-value type walk: at 100,000 cases that walk alone took minutes, and the
 * app's rows are plain JSON data (strings, numbers, booleans, arrays, objects; dates as ISO strings). Lines let both
 * sides stream: the page sends slices as it goes and a restore writes each line as it arrives.
 */
export const EXPORT_FORMAT = 'aryz-db';
export const EXPORT_FORMAT_VERSION = 1;
const PAGE = 2000;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  databaseName: string;
  databaseVersion: number;
  tables: Array<{ name: string; schema: string; rowCount: number; outbound: boolean }>;
}

interface RowsLine {
  table: string;
  rows: unknown[];
  /** Only for tables whose keys are not part of the row. */
  keys?: IndexableType[];
}

/** A table's Dexie schema string, as the export header carries it: primary key first, then every index. */
export const schemaOf = (table: Table) => [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(',');

export type ExportProgress = (done: number, total: number) => void;

/**
 * Reads every table in ONE read transaction (a consistent copy even while the caseworker works) into a Blob of JSON
 * lines; Chromium keeps large blobs on disk, so memory stays bounded by one page of rows.
 */
export async function exportDatabase(database: Dexie, onProgress: ExportProgress = () => undefined): Promise<{ blob: Blob; counts: Record<string, number> }> {
  return database.transaction('r', database.tables, async () => {
    const counts: Record<string, number> = {};
    for (const table of database.tables) counts[table.name] = await table.count();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const header: ExportHeader = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      databaseName: database.name,
      databaseVersion: database.verno,
      tables: database.tables.map((table) => ({ name: table.name, schema: schemaOf(table), rowCount: counts[table.name]!, outbound: !table.schema.primKey.keyPath })),
    };
    // Folded into Blobs as it goes, so the JS heap holds a few pages of text, not the whole export.
    const blobs: Blob[] = [];
    let parts: string[] = [`${JSON.stringify(header)}\n`];
    let done = 0;
    for (const table of database.tables) {
      const outbound = !table.schema.primKey.keyPath;
      let after: IndexableType | undefined;
      for (;;) {
        const page = () => (after === undefined ? table.toCollection() : table.where(':id').above(after)).limit(PAGE);
        const keys = await page().primaryKeys();
        if (keys.length === 0) break;
        const rows = await page().toArray();
        if (rows.length !== keys.length) throw new Error(`${table.name}: rows and keys disagree`);
        const line: RowsLine = outbound ? { table: table.name, rows, keys } : { table: table.name, rows };
        parts.push(`${JSON.stringify(line)}\n`);
        if (parts.length >= 8) {
          blobs.push(new Blob(parts));
          parts = [];
        }
        after = keys[keys.length - 1];
        done += rows.length;
        onProgress(done, total);
        if (keys.length < PAGE) break;
      }
    }
    blobs.push(new Blob(parts));
    return { blob: new Blob(blobs, { type: 'application/x-ndjson' }), counts };
  });
}

/**
 * What writing one row of a table costs, relative to other tables, for a progress bar that moves evenly: Chromium's
 * time goes into index entries (~30 µs each), the row itself weighs about three, and a multi-entry index holds several
 * entries per row. In the app's schema a case weighs 30 and a person 12, so counting bare rows made the bar race
 * through the persons and crawl through the cases.
 */
export function rowCost(schema: string): number {
  const indexes = schema.split(',').slice(1).map((part) => part.trim()).filter(Boolean);
  return 3 + indexes.reduce((sum, index) => sum + (index.startsWith('*') ? 4 : 1), 0);
}

/** Why an export cannot be imported; the restore reports it as a damaged backup. */
export class ExportFormatError extends Error {}

/**
 * Writes an export into a NEW database `name`, declared with the export's own schema and version (so the app's
 * upgrade functions run afterwards exactly as for a database that old). Feed it the text as it arrives; `finish`
 * checks every table's row count against the header.
 *
 * The tables have all their indexes from the start. Adding rows to key-only tables and the indexes afterwards
 * was measured and is slower in Chromium: each index created on a filled store is populated by its own pass
 * over every row, read and deserialised again in the page (20,000 cases: 44 s against 28 s; in a bare
 * IndexedDB test 2.7 times the time). Larger transactions, several in flight and relaxed durability did not
 * change Chromium's CPU time either; writing the index entries is the cost.
 */
export class ExportImporter {
  private pending: string[] = [];
  private header: ExportHeader | null = null;
  private target: Dexie | null = null;
  private readonly imported = new Map<string, number>();
  private readonly costs = new Map<string, number>();
  /** Progress in work units: rows weighted by their table's `rowCost`. */
  done = 0;
  total = 0;

  constructor(
    private readonly name: string,
    private readonly dexieOptions?: ConstructorParameters<typeof Dexie>[1],
  ) {}

  async push(text: string): Promise<void> {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      this.pending.push(text.slice(start, newline));
      const line = this.pending.join('');
      this.pending = [];
      start = newline + 1;
      await this.line(line);
    }
    if (start < text.length) this.pending.push(text.slice(start));
  }

  /** Answers the header's counts once every line is in and every table holds exactly what the header says. */
  async finish(): Promise<Record<string, number>> {
    if (this.pending.join('') !== '' || !this.header || !this.target) throw new ExportFormatError('incomplete export');
    const counts: Record<string, number> = {};
    for (const table of this.header.tables) {
      const count = await this.target.table(table.name).count();
      if (count !== table.rowCount || (this.imported.get(table.name) ?? 0) !== table.rowCount) {
        throw new ExportFormatError(`${table.name}: ${count} rows, the export lists ${table.rowCount}`);
      }
      counts[table.name] = count;
    }
    this.close();
    return counts;
  }

  close(): void {
    this.target?.close();
  }

  get databaseVersion(): number | null {
    return this.header?.databaseVersion ?? null;
  }

  private async line(line: string): Promise<void> {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ExportFormatError('a line is not JSON');
    }
    if (!this.header) return this.open(value);
    const rows = value as Partial<RowsLine>;
    const spec = this.header.tables.find((t) => t.name === rows.table);
    if (!spec || !Array.isArray(rows.rows) || (spec.outbound && (!Array.isArray(rows.keys) || rows.keys.length !== rows.rows.length))) {
      throw new ExportFormatError('a line does not match the header');
    }
    const table = this.target!.table(spec.name);
    if (spec.outbound) await table.bulkAdd(rows.rows, rows.keys as IndexableTypeArrayReadonly);
    else await table.bulkAdd(rows.rows);
    this.imported.set(spec.name, (this.imported.get(spec.name) ?? 0) + rows.rows.length);
    this.done += rows.rows.length * this.costs.get(spec.name)!;
  }

  private async open(value: unknown): Promise<void> {
    const header = value as Partial<ExportHeader>;
    if (header.format !== EXPORT_FORMAT || typeof header.formatVersion !== 'number' || header.formatVersion > EXPORT_FORMAT_VERSION) {
      throw new ExportFormatError('not an Aryz database export');
    }
    if (typeof header.databaseVersion !== 'number' || header.databaseVersion < 1 || !Array.isArray(header.tables)) throw new ExportFormatError('bad header');
    this.header = header as ExportHeader;
    for (const table of this.header.tables) this.costs.set(table.name, rowCost(table.schema));
    this.total = this.header.tables.reduce((sum, t) => sum + t.rowCount * this.costs.get(t.name)!, 0);
    const target = new Dexie(this.name, this.dexieOptions);
    // An export holds the rows as the app reads them (opened); they are sealed again on their way in.
    target.use(atRestMiddleware());
    target.version(this.header.databaseVersion).stores(Object.fromEntries(this.header.tables.map((t) => [t.name, t.schema])));
    await target.open();
    this.target = target;
  }
}

import { readdir } from 'node:fs/promises';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Logger from 'electron-log/node';
import { redactError, redactFields, type LogFields } from './redact';

/**
 * The app's log: rotating files in `<dataDir>/logs` written by electron-log (works in Electron's main process
 * and in plain Node, i.e. browser mode). Every line goes through the redaction layer (redact.ts): callers name
 * an event and give fields; there is no way to log free text.
 */
export interface AppLog {
  readonly dir: string;
  event(name: string, fields?: LogFields): void;
  error(name: string, error: unknown, fields?: LogFields): void;
  /** The log files, newest first (for «Сведения для поддержки»). */
  files(): Promise<string[]>;
}

export const LOG_FILE = 'aryz.log';
/** One file grows to this size, then is rotated; KEPT_FILES older ones are kept. */
export const MAX_LOG_BYTES = 1024 * 1024;
export const KEPT_FILES = 5;

const EVENT = /^[a-z][a-z0-9:_.-]{0,63}$/;

function rotate(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file, '.log');
  rmSync(path.join(dir, `${base}.${KEPT_FILES}.log`), { force: true });
  for (let i = KEPT_FILES - 1; i >= 1; i--) {
    try {
      renameSync(path.join(dir, `${base}.${i}.log`), path.join(dir, `${base}.${i + 1}.log`));
    } catch {
      // a missing older file is the usual case
    }
  }
  renameSync(file, path.join(dir, `${base}.1.log`));
}

export function createAppLog(dataDir: string, options: { maxBytes?: number } = {}): AppLog {
  const dir = path.join(dataDir, 'logs');
  const logger = Logger.create({ logId: `aryz-${dir}` });
  logger.transports.console.level = false;
  logger.transports.file.level = 'info';
  logger.transports.file.resolvePathFn = () => path.join(dir, LOG_FILE);
  logger.transports.file.maxSize = options.maxBytes ?? MAX_LOG_BYTES;
  logger.transports.file.archiveLogFn = (old) => rotate(old.path);
  logger.transports.file.format = '{iso} {level} {text}';
  const line = (name: string, fields: object) => `${EVENT.test(name) ? name : 'event'} ${JSON.stringify(fields)}`;
  return {
    dir,
    event: (name, fields) => logger.info(line(name, redactFields(fields))),
    error: (name, error, fields) => logger.error(line(name, { ...redactFields(fields), error: redactError(error) })),
    files: async () => {
      const names = await readdir(dir).catch(() => [] as string[]);
      const order = (n: string) => (n === LOG_FILE ? 0 : Number(/\.(\d+)\.log$/.exec(n)?.[1] ?? 99));
      return names.filter((n) => /^aryz(\.\d+)?\.log$/.test(n)).sort((a, b) => order(a) - order(b)).map((n) => path.join(dir, n));
    },
  };
}

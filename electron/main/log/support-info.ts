import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppLog } from './app-log';

export interface SupportFacts {
  version: string;
  mode: 'desktop' | 'browser';
  versions: Readonly<Record<string, string | undefined>>;
  platform: string;
  arch: string;
  now: Date;
}

/**
 * The text «Сведения для поддержки» saves: versions and platform, then every log file, oldest first. The logs
 * hold no personal data (log/redact.ts), so the file can be sent to support as it is.
 */
export async function supportInfoText(log: AppLog | undefined, facts: SupportFacts): Promise<string> {
  const lines = [
    'Aryz — сведения для поддержки / support information',
    `created: ${facts.now.toISOString()}`,
    `version: ${facts.version} (${facts.mode})`,
    `platform: ${facts.platform} ${facts.arch}`,
    ...['electron', 'chrome', 'node', 'v8'].filter((k) => facts.versions[k]).map((k) => `${k}: ${facts.versions[k]}`),
    '',
  ];
  const files = log ? [...(await log.files())].reverse() : [];
  if (files.length === 0) lines.push('(no log files)');
  for (const file of files) {
    lines.push(`===== ${path.basename(file)} =====`);
    lines.push((await readFile(file, 'utf8').catch(() => '(unreadable)\n')).trimEnd());
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

export function supportFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `aryz-support-${stamp}.txt`;
}

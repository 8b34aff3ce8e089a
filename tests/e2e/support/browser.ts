import { existsSync } from 'node:fs';

/** Debian's chromium (Playwright's own download cannot reach its host on our machines). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.ARYZ_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((file) => existsSync(file));
}

export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

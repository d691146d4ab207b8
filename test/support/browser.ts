// Debian's Chromium driven by playwright-core; a page watcher that collects every console error and CSP violation.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Locally a missing browser skips the browser suites, loudly; under CI it fails the run. */
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  const message = `Chromium not found at ${chromiumPath}: the browser tests cannot run (apt-get install -y chromium).`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(80)}\n!! SKIPPING BROWSER TESTS: ${message}\n${'!'.repeat(80)}\n`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run',
    ],
  });
}

export interface PageProblems {
  /** Console errors and warnings, uncaught exceptions, CSP violations, failed or 4xx/5xx requests. */
  list: string[];
}

/** Records everything a learner would see in red in DevTools. */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { list: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.list.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // A load cut short by the next navigation (ERR_ABORTED) is the browser's doing, not the page's.
    if (error === 'net::ERR_ABORTED' || request.url().includes('/_inspector/stream')) return;
    problems.list.push(`request failed: ${request.url()} ${error}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.list.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.exposeFunction('__reportViolation', (text: string) => problems.list.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

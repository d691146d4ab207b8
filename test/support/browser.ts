// Debian's Chromium driven by playwright-core; a page watcher that collects every console error and CSP violation;
// the one setup every browser suite shares (useBrowserSession).
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { lessons } from '../../src/lessons/index.js';
import type { AppOptions } from '../../src/app.js';
import type { TestServer } from './server.js';
import { useServer } from './suite.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const repoRoot = join(import.meta.dirname, '..', '..');

/** Locally a missing browser skips the browser suites, loudly; under CI it fails the run. */
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  const message = `Chromium not found at ${chromiumPath}: the browser tests cannot run (apt-get install -y chromium).`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(80)}\n!! SKIPPING BROWSER TESTS: ${message}\n${'!'.repeat(80)}\n`);
}

/** `extraArgs`: more Chromium switches, e.g. a --host-resolver-rules that gives a LAN-like name to 127.0.0.1. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', ...extraArgs,
    ],
  });
}

export interface PageProblems {
  /** Console errors and warnings, uncaught exceptions, CSP violations, failed or 4xx/5xx requests, dialogs. */
  list: string[];
}

/** Records everything a learner would see in red in DevTools. */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { list: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.list.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`uncaught: ${error.message}`));
  // An alert() would be injected script running: a learner would see it, so it counts (dismissed, not waited on).
  page.on('dialog', (dialog) => {
    problems.list.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
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

/**
 * The code panels as the browser shows them (highlighted) read as the files on disk; `expected` are among them.
 * Each folded panel is unfolded first, as a reader would (its file comes then).
 */
export async function expectCodePanelsOnDisk(page: Page, expected: string[]): Promise<void> {
  const folds = page.locator('details.code-file');
  for (let index = 0; index < await folds.count(); index++) {
    const fold = folds.nth(index);
    if (!(await fold.evaluate((node) => (node as HTMLDetailsElement).open))) await fold.locator('summary').click();
  }
  const panels = page.locator('code[data-file]');
  await expect.poll(() => panels.count()).toBe(await folds.count());
  const names = await panels.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-file')!));
  expect(names).toEqual(expect.arrayContaining(expected));
  for (const [index, name] of names.entries()) {
    expect(await panels.nth(index).textContent(), name).toBe(await readFile(join(repoRoot, name), 'utf8'));
  }
}

/** Keeps a picture of the page in test-output/<name>.png, to look at after a run. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(join(repoRoot, 'test-output'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'test-output', `${name}.png`), ...options });
}

export interface BrowserSessionOptions {
  /** Where each test's page starts; without it, each test goes where it needs. */
  path?: string;
  /** Options for the app under test (extra lessons, a default language...). */
  app?: AppOptions;
  /** Each test's browser context; a 1400×1000 viewport unless told otherwise. */
  context?: BrowserContextOptions;
}

export interface BrowserSession {
  /** The app, started once for the describe block. */
  readonly server: TestServer;
  /** This test's own page, in a context of its own (a fresh visitor: no cookie, no inspector history). */
  readonly page: Page;
  /** What `watchPage` recorded on this test's page. */
  readonly problems: PageProblems;
  /** Trades this test's page for a fresh one with other context options (e.g. JavaScript off), at `path`. */
  open(context?: BrowserContextOptions, path?: string): Promise<Page>;
}

/**
 * Registers the hooks of a browser suite in the describe block that calls it: one app and one Chromium for the
 * block; before each test every lesson reset and a fresh context and watched page, opened at `path`; after each
 * test that context closed. Read `session.page` inside tests and hooks: it is a new page every test.
 */
export function useBrowserSession(options: BrowserSessionOptions = {}): BrowserSession {
  const server = useServer(options.app);
  let browser: Browser | undefined;
  let current: { context: BrowserContext; page: Page; problems: PageProblems } | undefined;
  const defaults: BrowserContextOptions = { viewport: { width: 1400, height: 1000 }, ...options.context };
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useBrowserSession: no ${what} outside a test (read it inside it() or a hook)`);
    return value;
  };

  async function open(context: BrowserContextOptions = {}, path = options.path): Promise<Page> {
    await current?.context.close();
    current = undefined;
    const newContext = await ready(browser, 'browser').newContext({ ...defaults, ...context });
    const page = await newContext.newPage();
    current = { context: newContext, page, problems: await watchPage(page) };
    if (path !== undefined) await page.goto(server.url + path);
    return page;
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    for (const lesson of lessons) lesson.reset?.();
    await open();
  });
  afterEach(async () => {
    await current?.context.close();
    current = undefined;
  });

  return {
    server,
    get page() { return ready(current, 'page').page; },
    get problems() { return ready(current, 'page').problems; },
    open,
  };
}

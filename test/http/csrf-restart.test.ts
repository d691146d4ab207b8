// A restart keeps the CSRF secret: the token a page got from the last run is still good; --fresh's new secret refuses it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCsrfSecret } from '../../src/cli/csrf-secret.js';
import { newVisitor, startServer } from '../support/server.js';

const stateRoot = mkdtempSync(join(tmpdir(), 'htmx-demo-state-'));
afterAll(() => rmSync(stateRoot, { recursive: true, force: true }));

/** One run of the server: the app with the secret kept in the test's state folder. */
const run = (fresh = false) => startServer({ csrfSecret: loadCsrfSecret(stateRoot, { fresh }).secret });

describe('CSRF across a restart', () => {
  it("accepts the last run's token, and refuses it after a fresh secret", async () => {
    const first = await run();
    const visitor = await newVisitor(first.url);
    await first.close();

    const second = await run();
    const like = (baseUrl: string) =>
      fetch(`${baseUrl}/like/`, {
        method: 'POST',
        headers: { Cookie: visitor.cookie, 'X-CSRF-Token': visitor.csrfToken, 'HX-Request': 'true' },
      });
    const after = await like(second.url);
    expect(after.status).toBe(200);
    expect(await after.text()).toMatch(/<button hx-post="\/like\/"[^>]*>❤️ \S+ \(1\)</);
    await second.close();

    const fresh = await run(true);
    const refused = await like(fresh.url);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Missing or invalid CSRF token');
    await fresh.close();
  });
});

// Lesson 4 in a real browser: errors land on the fields on both lanes, a sign-up welcomes, and the htmx lane's
// form still works with JavaScript turned off.
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserSession } from '../support/browser.js';

const lanes = ['json', 'htmx'] as const;
const fields = ['name', 'email', 'password'] as const;

describe.skipIf(!hasChromium)('lesson 4 in Chromium', () => {
  const session = useBrowserSession({ path: '/lessons/form' });

  async function fill(lane: string, values: Partial<Record<(typeof fields)[number], string>>) {
    for (const [field, value] of Object.entries(values)) await session.page.fill(`#signup-${lane}-${field}`, value);
  }
  /** Each field's aria-invalid and the message beside it. */
  async function shown(lane: string) {
    const result: Record<string, { invalid: string | null; message: string | null }> = {};
    for (const field of fields) {
      result[field] = {
        invalid: await session.page.getAttribute(`#signup-${lane}-${field}`, 'aria-invalid'),
        message: await session.page.textContent(`#signup-${lane}-${field}-error`),
      };
    }
    return result;
  }
  const focused = () => session.page.evaluate(() => document.activeElement?.id);
  /** Only the refusals the test made on purpose, as the browser reports them (a red line per 422). */
  const unexpected = () => session.problems.list.filter((line) => !/\b422\b/.test(line));

  it('an empty form gets the server\'s messages on its fields on both lanes, focus on the first', async () => {
    for (const lane of lanes) {
      const [response] = await Promise.all([
        session.page.waitForResponse((r) => r.request().method() === 'POST'),
        session.page.click(`[data-demo="${lane}"] button[type="submit"]`),
      ]);
      expect(response.status()).toBe(422);
      await expect.poll(() => session.page.textContent(`#signup-${lane}-name-error`)).toBe('Choose a user name.');
      expect(await shown(lane)).toEqual({
        name: { invalid: 'true', message: 'Choose a user name.' },
        email: { invalid: 'true', message: 'Enter your email address.' },
        password: { invalid: 'true', message: 'Use at least 8 characters.' },
      });
      await expect.poll(focused).toBe(`signup-${lane}-name`);
    }
    // the JSON lane got a map of errors, the htmx lane the form itself
    const jsonItem = session.page.locator('#wire-form-json li').first();
    const htmxItem = session.page.locator('#wire-form-htmx li').first();
    await expect.poll(() => jsonItem.textContent()).toMatch(/422\s+POST\s+\/api\/form\/signups/);
    await expect.poll(() => htmxItem.textContent()).toMatch(/422\s+POST\s+\/form\/signups/);
    // (the response body comes first in an entry, the request's after it)
    expect(await jsonItem.locator('pre.body').first().textContent()).toContain('"errors": {');
    expect(await htmxItem.locator('pre.body').first().textContent()).toMatch(/^<div id="signup-htmx"/);

    // the two demos side by side, as a learner sees them (the whole page with its code panels is slow to capture)
    await session.page.evaluate(() => document.querySelector('.lanes')!.scrollIntoView());
    await saveScreenshot(session.page, 'lesson-form-errors');
    expect(unexpected()).toEqual([]);
  });

  it('fixing one field leaves only the others marked; the htmx lane keeps what was typed but the password', async () => {
    for (const lane of lanes) {
      await fill(lane, { name: 'ana', email: 'not-an-email', password: 'long enough' });
      await session.page.click(`[data-demo="${lane}"] button[type="submit"]`);
      await expect.poll(() => session.page.textContent(`#signup-${lane}-email-error`)).toMatch(/does not look like an email/);
      expect(await shown(lane)).toMatchObject({ name: { invalid: null, message: '' }, password: { invalid: null, message: '' } });
      await expect.poll(focused).toBe(`signup-${lane}-email`);
      expect(await session.page.inputValue(`#signup-${lane}-name`)).toBe('ana');
      expect(await session.page.inputValue(`#signup-${lane}-email`)).toBe('not-an-email');
    }
    // the script leaves the password where it was; the server never sends it back
    expect(await session.page.inputValue('#signup-json-password')).toBe('long enough');
    expect(await session.page.inputValue('#signup-htmx-password')).toBe('');
    expect(unexpected()).toEqual([]);
  });

  it('a good sign-up welcomes and empties the form on both lanes; the same name again is taken', async () => {
    for (const lane of lanes) {
      await fill(lane, { name: '<b>ana</b>', email: 'ana@example.com', password: 'long enough' });
      await session.page.click(`[data-demo="${lane}"] button[type="submit"]`);
      await expect.poll(() => session.page.textContent(`#signup-${lane}-name-error`)).toMatch(/letters, digits/);
      await fill(lane, { name: 'ana', password: 'long enough' });
      await session.page.press(`#signup-${lane}-password`, 'Enter'); // the keyboard sends the form too
      const welcome = session.page.locator(`[data-demo="${lane}"] .welcome`);
      await expect.poll(() => welcome.isVisible()).toBe(true);
      expect(await welcome.textContent()).toBe('Welcome, ana! Your account is ready.');
      expect(await welcome.getAttribute('role')).toBe('status');
      for (const field of fields) expect(await session.page.inputValue(`#signup-${lane}-${field}`)).toBe('');
      expect(await session.page.locator(`[data-demo="${lane}"] [aria-invalid]`).count()).toBe(0);

      await fill(lane, { name: 'Ana', email: 'other@example.com', password: 'long enough' });
      await session.page.click(`[data-demo="${lane}"] button[type="submit"]`);
      await expect.poll(() => session.page.textContent(`#signup-${lane}-name-error`)).toBe('Someone has already signed up with that name on this lane. Try another one.');
      await expect.poll(() => welcome.isVisible().catch(() => false)).toBe(false);
    }
    expect(await session.page.locator('[data-demo] b').count()).toBe(0);
    expect(unexpected()).toEqual([]);
  });

  it('with JavaScript off, the htmx lane posts the form itself: a 422 page with errors, then a redirect to the welcome', async () => {
    await session.open({ javaScriptEnabled: false });
    // the JSON lane cannot work without its script, and says so
    expect(await session.page.isDisabled('[data-demo="json"] button[type="submit"]')).toBe(true);
    expect(await session.page.isVisible('[data-demo="json"] .note')).toBe(true);
    await session.page.fill('#signup-json-name', 'nobody');
    await session.page.press('#signup-json-name', 'Enter');
    await session.page.waitForTimeout(300);
    expect(session.page.url()).toBe(session.server.url + '/lessons/form');

    await fill('htmx', { name: 'admin', email: 'ana@example.com', password: 'secret-password' });
    const [bad] = await Promise.all([session.page.waitForNavigation(), session.page.click('[data-demo="htmx"] button[type="submit"]')]);
    expect(bad!.status()).toBe(422);
    expect(session.page.url()).toBe(session.server.url + '/form/signups');
    expect(await session.page.textContent('#signup-htmx-name-error')).toBe('That name is reserved. Try another one.');
    expect(await session.page.getAttribute('#signup-htmx-name', 'aria-invalid')).toBe('true');
    expect(await session.page.inputValue('#signup-htmx-name')).toBe('admin');
    expect(await session.page.inputValue('#signup-htmx-email')).toBe('ana@example.com');
    expect(await session.page.inputValue('#signup-htmx-password')).toBe('');
    expect(await focused()).toBe('signup-htmx-name'); // autofocus, no script needed

    await fill('htmx', { name: 'ana', password: 'secret-password' });
    const [good] = await Promise.all([session.page.waitForNavigation(), session.page.press('#signup-htmx-password', 'Enter')]);
    expect(good!.status()).toBe(200);
    expect(good!.request().redirectedFrom()?.url()).toBe(session.server.url + '/form/signups');
    expect(session.page.url()).toBe(session.server.url + '/lessons/form');
    expect(await session.page.textContent('[data-demo="htmx"] .welcome')).toBe('Welcome, ana! Your account is ready.');
    // the page as rendered by the server lists both posts on the wire, newest first
    expect(await session.page.locator('#wire-form-htmx li .status').allTextContents()).toEqual(['303', '422']);

    await session.page.reload();
    expect(await session.page.locator('[data-demo="htmx"] .welcome').count()).toBe(0);
    expect(unexpected()).toEqual([]);
  });

  it('speaks Korean on both lanes', async () => {
    await session.page.goto(session.server.url + '/lessons/form?lang=ko');
    for (const lane of lanes) {
      await fill(lane, { name: '민지', email: 'minji@example.com', password: '12345' });
      await session.page.click(`[data-demo="${lane}"] button[type="submit"]`);
      await expect.poll(() => session.page.textContent(`#signup-${lane}-password-error`)).toBe('8자 이상으로 정해 주세요.');
      await fill(lane, { password: '12345678' });
      await session.page.click(`[data-demo="${lane}"] button[type="submit"]`);
      await expect.poll(() => session.page.textContent(`[data-demo="${lane}"] .welcome`).catch(() => '')).toBe('민지님, 환영합니다! 계정이 만들어졌습니다.');
    }
    // the swap replaced the button that was clicked: focus went on to the fresh form's first field
    await expect.poll(focused).toBe('signup-htmx-name');
    expect(unexpected()).toEqual([]);
  });
});

// A visitor as the browser is one: the cookie and CSRF token from the lesson page, and its inspector stream.
import { get } from 'node:http';

/** Loads `/` and keeps what a browser would: the visitor cookie and the page's CSRF token. */
export async function newVisitor(baseUrl) {
  const page = await fetch(`${baseUrl}/`);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const html = await page.text();
  const csrfToken = /<meta name="csrf-token" content="([^"]+)">/.exec(html)?.[1];
  if (!cookie || !csrfToken) throw new Error(`${baseUrl}/ gave no visitor cookie or CSRF token`);
  return { cookie, csrfToken, html };
}

/**
 * Opens the visitor's `/_inspector/stream` and reads it: how many events came (one per exchange sent), and the id
 * of the last (the store's count of the newest exchange it carried).
 */
export function openStream(baseUrl, cookie) {
  return new Promise((resolve, reject) => {
    const req = get(`${baseUrl}/_inspector/stream`, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      const stream = { events: 0, lastId: 0, close: () => req.destroy() };
      res.setEncoding('utf8');
      let pending = '';
      res.on('data', (chunk) => {
        const parts = (pending + chunk).split('\n\n');
        pending = parts.pop();
        for (const part of parts.filter((event) => /^data:/m.test(event))) { // an event may start with its id
          stream.events += 1;
          stream.lastId = Number(/^id: (\d+)$/m.exec(part)?.[1] ?? stream.lastId);
        }
      });
      res.on('error', () => {}); // closing our end aborts the response; that is the point
      resolve(stream);
    });
    req.on('error', reject);
  });
}

// Bench child: the same-work baseline. A plain Koa app that answers the like button safely and nothing more:
// @koa/router, the same security headers, a visitor cookie, an HMAC CSRF token compared in constant time, a
// counter, and the lesson's own _like_button partial compiled once with EJS. What a careful hand-written app
// would cost: the lanes are measured against it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Router from '@koa/router';
import ejs from 'ejs';
import Koa from 'koa';
import { answerCpuQueries } from './cpu.js';

const partialFile = new URL('../../../src/lessons/like/views/_like_button.ejs', import.meta.url).pathname;
const likeButton = ejs.compile(readFileSync(partialFile, 'utf8'), { filename: partialFile });
const secret = randomBytes(32);
const tokenFor = (visitor) => createHmac('sha256', secret).update(visitor).digest('base64url');
const headers = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
const likes = { json: 0, htmx: 0 };

const app = new Koa();
app.use(async (ctx, next) => {
  ctx.set(headers);
  let visitor = ctx.cookies.get('hxd_visitor');
  if (!visitor || !/^[\w-]{22}$/.test(visitor)) {
    visitor = randomBytes(16).toString('base64url');
    ctx.cookies.set('hxd_visitor', visitor, { httpOnly: true, sameSite: 'lax' });
  }
  ctx.state.csrfToken = tokenFor(visitor);
  if (ctx.method === 'POST') {
    const sent = Buffer.from(ctx.get('X-CSRF-Token'));
    const expected = Buffer.from(ctx.state.csrfToken);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) ctx.throw(403, 'Missing or invalid CSRF token');
  }
  await next();
});
const router = new Router();
router.get('/', (ctx) => {
  ctx.type = 'html';
  ctx.body = `<!doctype html><meta name="csrf-token" content="${ctx.state.csrfToken}"><p>ok</p>`;
});
router.post('/like/', (ctx) => {
  likes.htmx += 1;
  ctx.type = 'html';
  ctx.body = likeButton({ likes: likes.htmx, liked: true, t: { likeLabel: 'Like' } });
});
router.post('/api/like', (ctx) => {
  likes.json += 1;
  ctx.body = { likes: likes.json };
});
app.use(router.routes());

const server = createServer(app.callback());
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('SIGTERM', () => process.exit(0)); // a normal exit, so --cpu-prof can write its profile
answerCpuQueries();

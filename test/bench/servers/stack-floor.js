// Start-up reference: the stack every htmx-demo server loads before its first answer, as installed (unbundled) (commander and chalk for the CLI,
// koa, @koa/router, ejs), one route rendering one template, nothing of the project. Prints the same banner line.
import { createServer } from 'node:http';
import 'commander';
import 'chalk';
import Router from '@koa/router';
import ejs from 'ejs';
import Koa from 'koa';

const page = ejs.compile('<p><%= text %></p>');
const router = new Router();
router.get('/', (ctx) => {
  ctx.body = page({ text: 'ok' });
});
const app = new Koa();
app.use(router.routes());
const server = createServer(app.callback());
server.listen(0, '127.0.0.1', () => console.log(`  Local: http://localhost:${server.address().port}/`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

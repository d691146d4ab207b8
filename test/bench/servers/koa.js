// Bench child: the baseline, a bare Koa app (the app's own Koa) answering a fixed string.
import { createServer } from 'node:http';
import Koa from 'koa';
import { answerCpuQueries } from './cpu.js';

const app = new Koa();
app.use((ctx) => {
  ctx.body = 'ok';
});
const server = createServer(app.callback());
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('SIGTERM', () => process.exit(0)); // a normal exit, so --cpu-prof can write its profile
answerCpuQueries();

// Bench child: the real app (from src/, through tsx) on a free loopback port, which it reports to the parent over IPC.
import { createServer } from 'node:http';
import { createApp } from '../../../src/app.js';
import { answerCpuQueries } from './cpu.js';

const demo = createApp();
const server = createServer(demo.app.callback());
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('SIGTERM', () => process.exit(0)); // a normal exit, so --cpu-prof can write its profile
answerCpuQueries();

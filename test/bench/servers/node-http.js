// Start-up baseline: the least a Node web server can be, printing the same banner line as `htmx-demo serve`.
import { createServer } from 'node:http';

const server = createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => console.log(`  Local: http://localhost:${server.address().port}/`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

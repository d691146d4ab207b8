// Lets the bench ask a server child for its CPU time, so it can report CPU per request next to req/s.
export function answerCpuQueries() {
  process.on('message', (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
  });
}

// Lets the bench ask a server child for its CPU time, so it can report CPU per request next to req/s, and the
// time on the clock a CPU profile uses (monotonic, in µs), so a profile can be cut to the measured seconds.
export function answerCpuQueries() {
  process.on('message', (message) => {
    if (message === 'cpu') process.send({ cpu: process.cpuUsage(), now: Number(process.hrtime.bigint() / 1000n) });
  });
}

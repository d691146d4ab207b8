// Waits for a value the server reaches a moment later (a stream count after a tab closes, say).

/** Polls until `read()` gives `want` or `timeoutMs` is up; returns the last value read, for the test to assert. */
export async function settle<T>(read: () => T | Promise<T>, want: T, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (value !== want && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}

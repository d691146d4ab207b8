// The JSON lanes' one way to talk to the server: fetch with the CSRF token, JSON in and out; and the lane's error line.
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;

/** A response that is not 2xx: `status` and the parsed body (`data`) are there for the caller to branch on. */
export class HttpError extends Error {
  constructor(status, data, message) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

/**
 * Sends `body` as JSON (or nothing) and resolves with the parsed JSON answer.
 * Rejects with an HttpError for a 4xx/5xx, and with fetch's own TypeError when the network fails.
 */
export async function sendJson(url, { method = 'POST', body, signal } = {}) {
  const headers = { 'Accept': 'application/json', 'X-CSRF-Token': csrfToken };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => ({})); // an error page from a proxy is not JSON
  if (!response.ok) {
    throw new HttpError(response.status, data, data.error?.message ?? `${response.status} ${response.statusText}`);
  }
  return data;
}

/** Shows `message` in a lane's error line; an empty message hides the line (its last text stays, out of sight). */
export function showError(line, message) {
  if (message) line.textContent = message;
  line.hidden = !message;
}

// Case 4, in both frames: each listener is written once with htmx 2's event name and once with htmx 4's.
// Whichever names the running htmx fires mark their row; the config listeners also tag the request on the wire.
function heard(name) {
  const cell = document.querySelector(`[data-heard="${name}"]`);
  if (cell) cell.textContent = '✔';
}

// htmx 2's names: camelCase. The request's headers are evt.detail.headers.
document.addEventListener('htmx:configRequest', (evt) => {
  heard('htmx:configRequest');
  if (evt.detail.elt.id === 'listen') evt.detail.headers['X-Listener'] = 'htmx:configRequest';
});
document.addEventListener('htmx:beforeRequest', () => heard('htmx:beforeRequest'));
document.addEventListener('htmx:afterRequest', () => heard('htmx:afterRequest'));

// htmx 4's names: htmx:phase:action. The request's headers are evt.detail.ctx.request.headers.
document.addEventListener('htmx:config:request', (evt) => {
  heard('htmx:config:request');
  if (evt.detail.ctx.sourceElement?.id === 'listen') evt.detail.ctx.request.headers['X-Listener'] = 'htmx:config:request';
});
document.addEventListener('htmx:before:request', () => heard('htmx:before:request'));
document.addEventListener('htmx:after:request', () => heard('htmx:after:request'));

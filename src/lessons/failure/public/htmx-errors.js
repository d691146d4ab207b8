// HTMX lane: htmx swaps what the server sends. What it must not swap (a 500 page) or cannot (no answer at all)
// arrives as an event; this script turns those two events into a message beside the button.
const demo = document.getElementById('htmx-news-demo');
const error = document.getElementById('htmx-news-error');

function show(message) {
  error.textContent = message;
  error.hidden = false;
}

demo.addEventListener('htmx:before:request', () => {
  error.hidden = true;
});
// A 4xx/5xx answer came back; hx-status:5xx="swap:none" keeps it out of the page.
demo.addEventListener('htmx:response:error', (event) => {
  show(`${demo.dataset.serverFailed} (HTTP ${event.detail.ctx.response.status})`);
});
// No answer at all: fetch rejected (network down, server hung up) or timed out. Handled here, so it goes no
// further: the shared htmx-lane.js would also write it under the lane.
demo.addEventListener('htmx:error', (event) => {
  event.stopPropagation();
  show(demo.dataset.networkFailed);
});

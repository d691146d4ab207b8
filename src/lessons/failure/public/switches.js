// The switch strip (not lane code): a one-shot 500 turns itself off on the server when a request uses it up, so while
// it is armed, new content in either lane (an answer or an error message) makes the strip ask for its state again.
const lanes = ['json-news-demo', 'htmx-news-demo'].map((id) => document.getElementById(id));

const refresh = new MutationObserver(() => {
  const strip = document.getElementById('failure-switches');
  if (strip?.querySelector('#switch-fail[aria-pressed="true"]')) {
    window.htmx.ajax('GET', '/failure/switches', { target: strip, swap: 'outerHTML' });
  }
});
// Text written, not attributes: a button disabled or a message hidden as a request leaves says nothing yet.
for (const lane of lanes) refresh.observe(lane, { childList: true, characterData: true, subtree: true });

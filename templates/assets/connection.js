// Tells the learner when the server cannot be reached ("Reconnecting…") and when it is back. It follows the
// inspector's event stream, which the browser reconnects by itself; the page carries on without a reload
// (the CSRF token survives a restart).
(() => {
  const lostAfterMs = 1000; // a stream that reconnects at once (a server-side reset) is not worth a message
  const backShownMs = 5000;
  let lostTimer;
  let backTimer;
  let lost = false;

  function show(state) {
    const box = document.querySelector('[data-connection]');
    if (!box) return;
    box.dataset.state = state ?? '';
    box.hidden = !state;
  }

  document.addEventListener('inspector:stream:lost', () => {
    clearTimeout(backTimer);
    lostTimer ??= setTimeout(() => {
      lost = true;
      show('lost');
    }, lostAfterMs);
  });
  document.addEventListener('inspector:stream:reached', () => {
    clearTimeout(lostTimer);
    lostTimer = undefined;
    if (!lost) return;
    lost = false;
    show('back');
    backTimer = setTimeout(() => show(undefined), backShownMs);
  });
})();

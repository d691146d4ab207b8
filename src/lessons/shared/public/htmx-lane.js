// The htmx lanes' shared client code, as send.js is the JSON lanes': a lane's error slot shows the last request's
// failure, also when no answer came at all, and keyboard focus survives a swap that replaces the focused control.

/** The lane's error slot under its demo, where src/kit/errors.ts points 4xx/5xx answers (HX-Retarget). */
const errorSlotOf = (element) => {
  const lane = element.closest?.('[data-lane]')?.dataset.lane;
  return lane ? document.getElementById(`lane-errors-${lane}`) : null;
};

// A new request: the last one's error no longer holds.
document.addEventListener('htmx:before:request', (event) => {
  errorSlotOf(event.target)?.replaceChildren();
});

// No answer at all (network down, server gone): htmx has nothing to swap and fires htmx:error instead.
document.addEventListener('htmx:error', (event) => {
  const slot = errorSlotOf(event.target);
  if (!slot) return;
  const line = document.createElement('p');
  line.className = 'error';
  line.textContent = event.detail.error?.message ?? String(event.detail.error);
  slot.replaceChildren(line);
});

// htmx 4 puts focus back only on an element with the same id, and a swapped-out control such as the like
// button has none: without this, Enter works once and then focus is lost to <body>.
const focusable = 'button, a[href], input:not([type="hidden"]), select, textarea, [tabindex]';

document.addEventListener('htmx:before:swap', (event) => {
  const target = event.detail?.ctx?.target;
  if (!target?.id || !target.contains(document.activeElement) || !target.parentNode) return;
  const observer = new MutationObserver(() => {
    const swapped = document.getElementById(target.id);
    if (!swapped || swapped.contains(document.activeElement)) return observer.disconnect();
    const control = swapped.querySelector(focusable);
    if (control) {
      observer.disconnect();
      control.focus();
    }
  });
  observer.observe(target.parentNode, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 5000); // a swap that never comes leaves no observer behind
});

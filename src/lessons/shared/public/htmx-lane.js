// The htmx lanes' shared client code, as send.js is the JSON lanes': a lane's error slot shows the last request's
// failure, also when no answer came at all, and keyboard focus survives a request that replaces, deletes or disables
// the focused control.

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

// Keyboard focus is never lost to <body> by a request. htmx 4 puts focus back only on an element with the same id,
// and a swapped-out control such as the like button has none; a control hx-disable turns off while it waits loses
// focus too; and a swap that deletes the focused control leaves nothing in its place.
const focusable = 'button, a[href], input:not([type="hidden"]), select, textarea, [tabindex]';
const focusLost = () => !document.activeElement || document.activeElement === document.body;
/** Per request (its ctx): the control that had focus as it set out. */
const focusedAtStart = new WeakMap();

document.addEventListener('htmx:config:request', (event) => {
  if (event.detail?.ctx && !focusLost()) focusedAtStart.set(event.detail.ctx, document.activeElement);
});

// The request is over and hx-disable's controls are enabled again (right after this event): focus goes back.
document.addEventListener('htmx:finally:request', (event) => {
  const control = focusedAtStart.get(event.detail?.ctx);
  if (control) setTimeout(() => { if (focusLost() && control.isConnected) control.focus(); });
});

/** The nearest control outside `gone` in its demo: the next one, or else the one before. */
function neighbourOf(gone) {
  const controls = [...(gone.closest('[data-demo]') ?? document).querySelectorAll(focusable)].filter((c) => !gone.contains(c) && !c.disabled);
  return controls.find((c) => gone.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) ?? controls.at(-1);
}

// Focus was inside the swap's target: once swapped, it goes into the new element of the same id, or (the target
// deleted, or one without an id) to the nearest control left in the demo.
document.addEventListener('htmx:before:swap', (event) => {
  const target = event.detail?.ctx?.target;
  if (!target?.parentNode || !target.contains(document.activeElement)) return;
  const neighbour = neighbourOf(target);
  const observer = new MutationObserver(() => {
    observer.disconnect(); // called once, after the swap's changes
    const swapped = target.id ? document.getElementById(target.id) : null;
    if (swapped?.contains(document.activeElement)) return; // htmx kept it: a control with an id inside
    const control = swapped?.querySelector(focusable) ?? (focusLost() ? neighbour : undefined);
    if (control?.isConnected) control.focus();
  });
  observer.observe(target.parentNode, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 5000); // a swap that never comes leaves no observer behind
});

// Page behaviour shared by every lesson (not lesson code): keyboard focus survives an htmx swap, and a lane's
// error slot shows only the last request's error.
// htmx 4 puts focus back only on an element with the same id, and a swapped-out control such as the
// like button has none: without this, Enter works once and then focus is lost to <body>.
(() => {
  const focusable = 'button, a[href], input:not([type="hidden"]), select, textarea, [tabindex]';

  // A failed request's message goes to the lane's error slot (HX-Retarget): clear it when the lane asks again.
  document.addEventListener('htmx:before:request', (event) => {
    const lane = event.target.closest?.('[data-lane]')?.dataset.lane;
    const slot = lane && document.getElementById(`lane-errors-${lane}`);
    if (slot) slot.replaceChildren();
  });

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
})();

// Page behaviour shared by every lesson (not lesson code): keyboard focus survives an htmx swap, a lane's
// error slot shows only the last request's error, the lesson menu closes like a menu, and on a phone the lanes
// are two tabs.
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

  // The lesson menu (a <details>) closes on Escape and on a click elsewhere, focus back on its summary.
  document.addEventListener('keydown', (event) => {
    const menu = event.key === 'Escape' && document.querySelector('[data-menu][open]');
    if (!menu) return;
    menu.open = false;
    menu.querySelector('summary').focus();
  });
  document.addEventListener('click', (event) => {
    for (const menu of document.querySelectorAll('[data-menu][open]')) if (!menu.contains(event.target)) menu.open = false;
  });

  // Phone: the lanes as two tabs over the same page (both lanes stay in the DOM, state and traffic untouched).
  // The stylesheet shows the tab bar only on a narrow screen; wider, both lanes stand side by side.
  const tabs = document.querySelector('.lane-tabs');
  const lanes = document.querySelector('.lanes');
  if (!tabs || !lanes) return;
  const buttons = [...tabs.querySelectorAll('[data-lane-tab]')];
  function show(laneId, focus = false) {
    lanes.dataset.shown = laneId;
    for (const button of buttons) {
      const selected = button.dataset.laneTab === laneId;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
      if (selected && focus) button.focus();
    }
  }
  tabs.hidden = false;
  show('json');
  tabs.addEventListener('click', (event) => {
    const button = event.target.closest('[data-lane-tab]');
    if (button) show(button.dataset.laneTab);
  });
  tabs.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    show(lanes.dataset.shown === 'json' ? 'htmx' : 'json', true);
  });
  // A walkthrough step about one lane's demo, steps, wire or code shows that lane's tab.
  document.addEventListener('walkthrough:area', (event) => {
    const laneId = /^(json|htmx)-/.exec(event.detail ?? '')?.[1];
    if (laneId) show(laneId);
  });
})();

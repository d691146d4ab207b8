// The page's own chrome (not lesson code): the lesson menu closes like a menu, a capped demo can be scrolled by
// keyboard, and on a phone the lanes are two tabs.
(() => {
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

  // A demo taller than its box (the projector layout caps it) scrolls inside: keyboard users reach it with Tab
  // to scroll it, and only then, so a demo that fits adds no stop.
  const overflowing = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      if (target.scrollHeight > target.clientHeight + 1) target.tabIndex = 0;
      else target.removeAttribute('tabindex');
    }
  });
  for (const demo of document.querySelectorAll('.demo')) overflowing.observe(demo);

  // A folded code panel's file and a walkthrough step's text, fetched by htmx when shown, are the page's requests,
  // not a lane's: their events stop at their area, so the lanes' own scripts (an error slot, say) never hear of them.
  const requestEvents = ['config:request', 'confirm', 'before:request', 'before:response', 'after:request', 'response:error',
    'error', 'finally:request', 'before:swap', 'after:swap', 'finally:swap', 'before:settle', 'after:settle'];
  for (const area of document.querySelectorAll('[data-code], [data-walkthrough]')) {
    for (const name of requestEvents) area.addEventListener(`htmx:${name}`, (event) => event.stopPropagation());
  }

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

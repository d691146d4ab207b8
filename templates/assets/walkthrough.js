// The walkthrough, enhanced: Previous/Next and the arrow keys change the step in place (no reload), the URL
// follows (?step=N, one history entry per step, so Back returns to the previous one), the step's code files
// unfold, and the page scrolls to the step's highlighted area. Without this script the same links work as plain
// page loads: the server renders every step, highlight, fold and link.
(() => {
  const root = document.querySelector('[data-walkthrough]');
  if (!root) return;
  const steps = [...root.querySelectorAll('[data-walk-step]')];
  const status = root.querySelector('[data-walk-status]');
  const spokenTitle = root.querySelector('[data-walk-title]');
  const toggle = root.querySelector('[data-walk-toggle]');
  const nav = root.querySelector('.walk-nav');
  const prev = root.querySelector('[data-walk-prev]');
  const next = root.querySelector('[data-walk-next]');
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const count = steps.length;
  let current = Number(root.dataset.step) || 1;
  let all = root.dataset.mode === 'all';

  const fill = (template) => template.replace('{n}', current).replace('{count}', count);

  /** This page's URL with `step` set, every other parameter kept. */
  function stepUrl(value) {
    const url = new URL(location.href);
    url.searchParams.set('step', value);
    url.hash = '';
    return url.pathname + url.search;
  }

  function setLink(link, href) {
    if (href) {
      link.href = href;
      link.removeAttribute('aria-disabled');
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
    }
  }

  /** Beside the lanes (a wide screen) the step stays put while the page scrolls; above them (a phone) it does not. */
  const isBeside = () => getComputedStyle(root).position === 'sticky';

  /** Code files stay folded except in the lane whose code the step points at. */
  function foldCode(area) {
    for (const code of document.querySelectorAll('[data-code]')) {
      const open = area === `${code.dataset.code}-code`;
      for (const file of code.querySelectorAll('details.code-file')) file.open = open;
    }
  }

  function render(historyMode = 'replace') {
    const step = steps[current - 1];
    root.dataset.mode = all ? 'all' : 'one';
    root.dataset.step = String(current);
    steps.forEach((item, index) => { item.hidden = !all && index !== current - 1; });
    // A step the page did not bring its text for fetches it now (htmx listens for walk:show, once).
    for (const item of steps) if (!item.hidden && item.querySelector('.walk-later')) item.dispatchEvent(new CustomEvent('walk:show'));

    const area = all ? undefined : step.dataset.highlight;
    for (const old of document.querySelectorAll('[data-area][data-highlighted]')) old.removeAttribute('data-highlighted');
    const highlighted = area ? document.querySelector(`[data-area="${CSS.escape(area)}"]`) : null;
    highlighted?.setAttribute('data-highlighted', '');
    foldCode(area);
    // The page's lane tabs (phone) show the lane the step talks about.
    document.dispatchEvent(new CustomEvent('walkthrough:area', { detail: area }));

    status.textContent = fill(all ? root.dataset.allTemplate : root.dataset.statusTemplate);
    spokenTitle.textContent = all ? '' : `: ${step.querySelector('h3').textContent}`;
    toggle.href = stepUrl(all ? current : 'all');
    toggle.textContent = all ? toggle.dataset.labelOne : toggle.dataset.labelAll;
    nav.hidden = all;
    setLink(prev, current > 1 && stepUrl(current - 1));
    const leaving = current === count && next.dataset.leaveHref;
    setLink(next, current < count ? stepUrl(current + 1) : leaving);
    next.querySelector('[data-walk-label]').textContent = leaving ? next.dataset.leaveLabel : next.dataset.labelStep;
    // The language and text-size switches keep the step.
    const kept = all ? 'all' : String(current);
    for (const link of document.querySelectorAll('a[data-keep-step]')) {
      const url = new URL(link.href);
      url.searchParams.set('step', kept);
      link.href = url.pathname + url.search;
    }
    // ...and so do the text-size toggle and the reset button (their forms carry it).
    for (const field of document.querySelectorAll('input[data-keep-step]')) {
      field.value = kept;
      field.disabled = false;
    }
    const url = stepUrl(kept);
    if (historyMode === 'push' && url !== location.pathname + location.search) history.pushState({ step: kept }, '', url);
    else if (historyMode === 'replace') history.replaceState(history.state, '', url);
    // The room bar (follow.js) tells the room where this page is now.
    root.dispatchEvent(new CustomEvent('walk:step', { bubbles: true, detail: { step: all ? 'all' : current } }));
    return highlighted;
  }

  /** Focus never stays on something that vanished or went dead: a hidden step's link, a disabled button. */
  function keepFocus() {
    const active = document.activeElement;
    if (active === prev && !prev.hasAttribute('href')) next.focus();
    else if (active === next && !next.hasAttribute('href')) prev.focus();
    else if (active && active !== document.body && active.closest('[data-walk-step][hidden]')) steps[current - 1].querySelector('h3').focus();
  }

  /** Beside the lanes, the page brings the step's area into view; above them, the step's own text stays in view. */
  function bringIntoView(highlighted, behavior = reducedMotion.matches ? 'auto' : 'smooth') {
    if (!isBeside()) root.scrollIntoView({ behavior, block: 'nearest' });
    else highlighted?.scrollIntoView({ behavior, block: 'nearest' });
  }

  function go(step, historyMode = 'push') {
    if (all || step < 1 || step > count || step === current) return false;
    current = step;
    const highlighted = render(historyMode);
    keepFocus();
    bringIntoView(highlighted);
    return true;
  }

  // Back and Forward move between the steps the visitor went through. htmx marks the entry of any page it swapped
  // into (a step's text, a code file) as its own, and on Back would fetch this page again and swap it in whole:
  // between steps of this page there is nothing to restore, the step changes in place.
  document.addEventListener('htmx:before:history:restore', (event) => {
    if (new URL(event.detail.path, location.href).pathname === location.pathname) event.preventDefault();
  });
  addEventListener('popstate', () => {
    const asked = new URL(location.href).searchParams.get('step');
    if (asked === 'all' || all) {
      all = asked === 'all';
      render('none');
      keepFocus();
      return;
    }
    const step = Math.min(Math.max(Number(asked) || 1, 1), count);
    if (step !== current) go(step, 'none');
  });

  const plainClick = (event) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

  prev.addEventListener('click', (event) => {
    if (!plainClick(event)) return;
    event.preventDefault();
    go(current - 1);
  });
  next.addEventListener('click', (event) => {
    if (!plainClick(event) || current === count) return; // from the last step, Next leaves for the next page
    event.preventDefault();
    go(current + 1);
  });
  toggle.addEventListener('click', (event) => {
    if (!plainClick(event)) return;
    event.preventDefault();
    all = !all;
    render('push');
    keepFocus();
  });

  // Arrow keys move between steps, except where they already mean something: fields, menus, sliders, tabs.
  const keepsArrows = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="slider"], '
    + '[role="listbox"], [role="menu"], [role="menubar"], [role="tablist"], [role="radiogroup"], [role="grid"], [role="tree"]';
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
    if (event.target instanceof Element && event.target.closest(keepsArrows)) return;
    if (go(current + (event.key === 'ArrowRight' ? 1 : -1))) event.preventDefault();
  });

  // Following the instructor (follow.js): the step changes in place, as a Next click would.
  root.addEventListener('walk:go', (event) => go(event.detail.step));

  root.querySelector('[data-walk-keys]').hidden = false;
  // A junk or out-of-range ?step= was rendered as a real step: show that step's URL. A link to a step opens with
  // its outlined area in view.
  if (new URL(location.href).searchParams.has('step')) {
    const highlighted = render();
    if (!all && highlighted && isBeside()) highlighted.scrollIntoView({ behavior: 'auto', block: 'nearest' });
  } else {
    document.dispatchEvent(new CustomEvent('walkthrough:area', { detail: all ? undefined : steps[current - 1].dataset.highlight }));
  }
})();

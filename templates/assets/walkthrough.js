// The walkthrough, enhanced: Previous/Next and the arrow keys change the step in place (no reload), the URL
// follows (?step=N), and the page scrolls to the step's highlighted area. Without this script the same links work
// as plain page loads: the server renders every step, highlight and link.
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

  /** The sticky panel's height: scrolling to an area must not hide it under the panel. */
  const isSticky = () => getComputedStyle(root).position === 'sticky';
  function measureOffset() {
    document.documentElement.style.setProperty('--walk-offset', isSticky() ? `${root.offsetHeight}px` : '0px');
  }

  function render() {
    const step = steps[current - 1];
    root.dataset.mode = all ? 'all' : 'one';
    root.dataset.step = String(current);
    steps.forEach((item, index) => { item.hidden = !all && index !== current - 1; });

    const area = all ? undefined : step.dataset.highlight;
    for (const old of document.querySelectorAll('[data-area][data-highlighted]')) old.removeAttribute('data-highlighted');
    const highlighted = area ? document.querySelector(`[data-area="${CSS.escape(area)}"]`) : null;
    highlighted?.setAttribute('data-highlighted', '');

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
    for (const link of document.querySelectorAll('a[data-keep-step]')) {
      const url = new URL(link.href);
      url.searchParams.set('step', all ? 'all' : String(current));
      link.href = url.pathname + url.search;
    }
    history.replaceState(history.state, '', stepUrl(all ? 'all' : current));
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

  function go(step) {
    if (all || step < 1 || step > count || step === current) return false;
    current = step;
    const highlighted = render();
    keepFocus();
    measureOffset();
    if (highlighted && isSticky()) {
      highlighted.scrollIntoView({ behavior: reducedMotion.matches ? 'auto' : 'smooth', block: 'nearest' });
    }
    return true;
  }

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
    render();
    keepFocus();
    measureOffset();
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
  // A junk or out-of-range ?step= was rendered as a real step: show that step's URL.
  if (new URL(location.href).searchParams.has('step')) history.replaceState(history.state, '', stepUrl(all ? 'all' : current));
  measureOffset();
  new ResizeObserver(measureOffset).observe(root);
})();

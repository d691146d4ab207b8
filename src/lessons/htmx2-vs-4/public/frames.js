// Each version's frame is as tall as its page, so the lane reads like any other lesson's (no scrollbar inside).
for (const frame of document.querySelectorAll('iframe[data-frame]')) {
  const fit = () => {
    const body = frame.contentDocument?.body;
    if (body) frame.style.height = `${body.scrollHeight}px`;
  };
  const watch = () => {
    fit();
    const body = frame.contentDocument?.body;
    if (body) new ResizeObserver(fit).observe(body);
  };
  frame.addEventListener('load', watch);
  if (frame.contentDocument?.readyState === 'complete') watch();
}

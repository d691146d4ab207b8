// Each version's frame is as tall as its page, so the lane reads like any other lesson's (no scrollbar inside).
const fit = (frame) => {
  const body = frame.contentDocument?.body;
  if (body) frame.style.height = `${body.scrollHeight}px`;
};
const watch = (frame) => {
  fit(frame);
  const body = frame.contentDocument?.body;
  if (body) new ResizeObserver(() => fit(frame)).observe(body);
};
// A frame's load does not bubble, but is heard on its way down: so also a frame swapped in later (the compat switch).
document.addEventListener('load', (event) => {
  if (event.target instanceof HTMLIFrameElement && event.target.matches('[data-frame]')) watch(event.target);
}, true);
for (const frame of document.querySelectorAll('iframe[data-frame]')) {
  if (frame.contentDocument?.readyState === 'complete') watch(frame);
}

// The room bar's behaviour (not lesson code): the page's room stream says where this page is (so the console can
// count it) and hears where the instructor is; a following learner's page goes there, the step in place when it can.
// A plain EventSource, not htmx's hx-sse, which would add text/event-stream to the Accept header of every htmx
// request on the page, lanes included, and the lesson must show htmx's own headers.
(() => {
  const bar = document.getElementById('room-bar');
  if (!bar) return;
  const lesson = bar.dataset.lesson;
  const learner = bar.dataset.role === 'learner';
  let step = bar.dataset.step;
  let source;
  let news;

  const following = () => learner && document.getElementById('follow-toggle')?.dataset.following === 'true';

  function connect() {
    source?.close();
    const url = `${bar.dataset.roomStream}?lesson=${encodeURIComponent(lesson)}&step=${encodeURIComponent(step)}`;
    source = new EventSource(url);
    source.addEventListener('room', (event) => hear(JSON.parse(event.data)));
  }

  function hear(next) {
    const pulseCleared = news && news.pulseRound !== next.pulseRound;
    news = next;
    const slow = bar.querySelector('[data-slow-motion]');
    slow.hidden = !news.latencyMs;
    slow.textContent = slow.dataset.template.replace('{ms}', news.latencyMs);
    if (pulseCleared) clearPulse();
    follow();
  }

  function follow() {
    const leader = news?.leader;
    if (!leader || !following()) return;
    if (leader.lesson !== lesson) return location.assign(`/lessons/${encodeURIComponent(leader.lesson)}?step=${leader.step}`);
    if (leader.step === step) return;
    const walk = document.querySelector('[data-walkthrough]');
    const inPlace = walk && leader.step !== 'all' && walk.dataset.mode !== 'all';
    if (inPlace) walk.dispatchEvent(new CustomEvent('walk:go', { detail: { step: Number(leader.step) } }));
    if (!inPlace || step !== leader.step) location.assign(`/lessons/${encodeURIComponent(lesson)}?step=${leader.step}`);
  }

  function clearPulse() {
    for (const button of document.querySelectorAll('#pulse [aria-pressed]')) button.setAttribute('aria-pressed', 'false');
  }

  // The walkthrough moved (the learner, or following): the pulse is for the new step, and the room hears of it.
  document.addEventListener('walk:step', (event) => {
    const now = String(event.detail.step);
    if (now === step) return;
    step = now;
    const pulse = document.getElementById('pulse');
    if (pulse) pulse.elements.step.value = step;
    clearPulse();
    connect();
  });
  // Following turned back on: go where the instructor is now.
  document.addEventListener('htmx:after:swap', () => follow());

  connect();
  addEventListener('pagehide', () => source?.close());
  // Back from the browser's page cache: in the room again, and where the instructor is now.
  addEventListener('pageshow', (event) => {
    if (event.persisted) connect();
  });
})();

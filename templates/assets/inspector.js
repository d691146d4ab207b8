// The page's instrumentation, kept out of the lesson code: lights each lane's four steps and times the round trip.
// It watches from outside: trigger events on a lane's demo, the fetch calls they cause (htmx 4 uses fetch too),
// and the DOM changes that follow. The server's half (the captured exchanges) streams in over SSE. It uses a plain
// EventSource, not htmx's hx-sse, because that extension adds text/event-stream to the Accept header of every
// htmx request, and the lesson must show htmx's own headers.
(() => {
  const exchangeIdHeader = 'X-Inspector-Exchange';
  const maxShown = 20;
  const trips = new Map(); // lane id -> the interaction in flight on that lane
  const roundTrips = new Map(); // exchange id -> ms, for list items that arrive after the DOM update

  const noRequestMs = 2000;
  const laneOf = (node) => node?.closest?.('[data-demo]')?.dataset.demo;
  const elapsed = (trip) => Math.round(performance.now() - trip.started);
  // Only the lane's newest interaction writes on its strip: a superseded one's late answer must not.
  const isCurrent = (trip) => trips.get(trip.lane) === trip;

  function light(trip, step) {
    const item = isCurrent(trip) && trip.steps?.querySelector(`[data-step="${step}"]`);
    if (!item) return;
    item.classList.add('lit');
    item.querySelector('output').value = `${elapsed(trip)} ms`;
  }

  /** A step that did not happen says why: no request sent, no response, or cancelled. */
  function mark(trip, step, text, kind) {
    const item = isCurrent(trip) && trip.steps?.querySelector(`[data-step="${step}"]`);
    if (!item || item.classList.contains('lit')) return;
    item.classList.add('missed', kind);
    item.querySelector('output').value = item.closest('[data-steps]').dataset[text] ?? '';
  }

  // 1. Event trigger: a click, input or submit on a control inside a lane's demo starts a new trip. One on the
  // lesson's own controls (above both lanes) starts a trip with no strip: its request is nobody's lane's.
  const controls = 'button, a[href], input, select, textarea, form';
  function startTrip(event) {
    const lane = laneOf(event.target) ?? (event.target.closest?.('[data-area="controls"]') ? 'controls' : undefined);
    if (!lane || !event.target.closest(controls)) return;
    const current = trips.get(lane);
    if (current && !current.requested && performance.now() - current.started < 100) return; // click then submit
    const steps = document.querySelector(`[data-steps="${lane}"]`);
    for (const item of steps?.children ?? []) {
      item.classList.remove('lit', 'missed', 'cancelled', 'failed');
      item.querySelector('output').value = '';
    }
    const trip = { lane, steps, started: performance.now(), requested: false, responded: false, done: false };
    trips.set(lane, trip);
    light(trip, 'trigger');
    // A trigger that sends nothing (a check in the page refused it) says so, rather than look stuck.
    setTimeout(() => { if (!trip.requested) mark(trip, 'request', 'noRequest', 'missed'); }, noRequestMs);
  }
  for (const type of ['click', 'input', 'submit']) document.addEventListener(type, startTrip, true);

  // 2. Request and 3. Response: every fetch passes through here; the page's own stream is not a lane's.
  // htmx's requests carry HX-Request: they belong to the htmx lane or the lesson controls, the others to the
  // JSON lane, so a debounced JSON search sent after a click on the htmx lane still lights the JSON strip.
  const isHtmx = (input, init) => new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).has('HX-Request');
  const pageFetch = window.fetch;
  window.fetch = async function inspectedFetch(input, init) {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const owners = isHtmx(input, init) ? ['htmx', 'controls'] : ['json', 'controls'];
    // The request belongs to the newest trigger of its kind still waiting for its request.
    const waiting = [...trips.values()].filter((t) => !t.requested && owners.includes(t.lane)).sort((a, b) => b.started - a.started);
    // The page's own requests (/_inspector/, /_room/) are never a lane's.
    const trip = url.pathname.startsWith('/_') ? undefined : waiting[0];
    if (!trip) return pageFetch.call(this, input, init);
    trip.requested = true;
    light(trip, 'request');
    let response;
    try {
      response = await pageFetch.call(this, input, init);
    } catch (error) {
      // Cancelled on purpose (a newer request replaced it) or no answer at all: the strip says which.
      const cancelled = error?.name === 'AbortError' || init?.signal?.aborted;
      mark(trip, 'response', cancelled ? 'cancelled' : 'noResponse', cancelled ? 'cancelled' : 'failed');
      throw error;
    }
    trip.exchangeId = response.headers.get(exchangeIdHeader);
    trip.responded = true;
    light(trip, 'response');
    return response;
  };

  // 4. DOM update: the first change inside the demo after the response arrived.
  const demoObserver = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const trip = trips.get(laneOf(mutation.target) ?? laneOf(mutation.target.parentElement) ?? '');
      if (!trip || !trip.responded || trip.done) continue;
      trip.done = true;
      light(trip, 'swap');
      if (trip.exchangeId) {
        roundTrips.set(trip.exchangeId, elapsed(trip));
        showRoundTrip(document.querySelector(`[data-exchange-id="${trip.exchangeId}"]`));
      }
    }
  });

  function showRoundTrip(item) {
    const ms = item && roundTrips.get(item.dataset.exchangeId);
    const slot = item?.querySelector('[data-round-trip]');
    if (ms === undefined || !slot) return;
    slot.textContent = `${slot.dataset.label} ${ms} ms`;
  }

  // New exchanges arrive at the top of a lane's list: open the newest, keep the list short.
  function tidy(list) {
    const items = [...list.children];
    items.forEach((item, index) => {
      if (index >= maxShown) return item.remove();
      const details = item.querySelector('details');
      if (details) details.open = index === 0;
      showRoundTrip(item);
    });
  }
  const wireObserver = new MutationObserver((mutations) => {
    for (const list of new Set(mutations.map((m) => m.target))) tidy(list);
  });

  // The stream's state is the page's best sign of the server's: connection.js tells the learner.
  const tell = (state) => document.dispatchEvent(new CustomEvent(`inspector:stream:${state}`));

  // The browser reconnects a dropped stream by itself, and the server sends what the page missed (from the
  // Last-Event-ID the browser sends back, or `after`). Two cases are left to the page: an error answer closes
  // the stream for good (a 503 when the server is full: it is there all the same, so the stream starts over a
  // little later); and "replaced", when this visitor opened more tabs and this one, the oldest, steps aside
  // until it is looked at again.
  function listen(url) {
    let source;
    let lastId;
    const open = () => {
      const next = new URL(url, location.href);
      if (lastId) next.searchParams.set('after', lastId);
      source = new EventSource(next);
      source.addEventListener('open', () => tell('reached'));
      source.addEventListener('error', () => {
        if (source.readyState !== EventSource.CLOSED) return tell('lost');
        tell('reached');
        setTimeout(reopen, 3000 + Math.random() * 3000); // spread out: a full server is asked again by many
      });
      source.addEventListener('message', (event) => {
        lastId = event.lastEventId || lastId;
        const template = document.createElement('template');
        template.innerHTML = event.data; // rendered and escaped by the server's exchange.ejs
        const item = template.content.firstElementChild;
        const list = document.getElementById(item?.dataset.list ?? '');
        if (list && !list.querySelector(`[data-exchange-id="${item.dataset.exchangeId}"]`)) list.prepend(item);
      });
      source.addEventListener('replaced', () => source.close());
    };
    const reopen = () => {
      if (source.readyState === EventSource.CLOSED && document.visibilityState === 'visible') open();
    };
    open();
    document.addEventListener('visibilitychange', reopen);
    addEventListener('pagehide', () => source.close());
  }

  document.addEventListener('DOMContentLoaded', () => {
    const stream = document.querySelector('[data-inspector-stream]')?.dataset.inspectorStream;
    if (stream) listen(stream);
    for (const demo of document.querySelectorAll('[data-demo]')) {
      demoObserver.observe(demo, { childList: true, subtree: true, characterData: true });
    }
    for (const list of document.querySelectorAll('ol.wire')) {
      tidy(list);
      wireObserver.observe(list, { childList: true });
    }
  });
})();

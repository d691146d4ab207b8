// Lesson 1's two lanes as data, so one contract test runs over both: how to like, and where the count shows.
import type { Visitor } from './server.js';

export type LaneId = 'json' | 'htmx';

export interface LaneUnderTest {
  id: LaneId;
  /** The state-changing request of this lane. */
  path: string;
  /** Headers the lane's real client sends besides the CSRF token. */
  headers: Record<string, string>;
  /** The count a lane response reports. */
  countIn(res: Response): Promise<number>;
}

export const likeLanes: LaneUnderTest[] = [
  {
    id: 'json',
    path: '/api/like',
    headers: { Accept: 'application/json' },
    countIn: async (res) => ((await res.json()) as { likes: number }).likes,
  },
  {
    id: 'htmx',
    path: '/like/',
    headers: { 'HX-Request': 'true', 'HX-Target': 'div#like-section', Accept: 'text/html' },
    countIn: async (res) => numberIn(/\((\d+)\)<\/button><\/div>\s*$/, await res.text(), 'htmx partial'),
  },
];

/** The other lane: what a lane's request must leave alone. */
export function otherLane(lane: LaneUnderTest): LaneUnderTest {
  return likeLanes.find((l) => l.id !== lane.id)!;
}

export type LikeInit = Omit<RequestInit, 'headers'> & { csrf?: boolean; headers?: Record<string, string> };

/** One click on a lane's button, as its real client sends it; `init` adds or overrides. */
export function like(visitor: Visitor, lane: LaneUnderTest, { headers, ...init }: LikeInit = {}, query = ''): Promise<Response> {
  return visitor.fetch(lane.path + query, { method: 'POST', ...init, headers: { ...lane.headers, ...headers } });
}

/** The counts a full page load shows, read from each lane's markup. */
export function pageCounts(html: string): Record<LaneId, number> {
  return {
    json: numberIn(/<span id="count">(\d+)<\/span>/, html, 'JSON lane count'),
    htmx: numberIn(/<div id="like-section"><button [^>]*>[^<]*\((\d+)\)<\/button><\/div>/, html, 'htmx lane count'),
  };
}

/** The lane's live demo on the page (its button), without the code panels and the inspector. */
export function demoOf(html: string, lane: LaneId): string {
  const found = new RegExp(`<div class="demo" data-demo="${lane}">([\\s\\S]*?)<div class="lane-errors"`).exec(html);
  if (!found) throw new Error(`page has no demo for the ${lane} lane`);
  return found[1]!;
}

/** What the server's counts are now, as a fresh page load shows them. */
export async function currentCounts(visitor: Visitor, path = '/'): Promise<Record<LaneId, number>> {
  return pageCounts(await (await visitor.fetch(path)).text());
}

function numberIn(pattern: RegExp, text: string, what: string): number {
  const found = pattern.exec(text);
  if (!found) throw new Error(`no ${what} in: ${text.slice(0, 300)}`);
  return Number(found[1]);
}

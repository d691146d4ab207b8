// Which lane a request's method and path belong to, worked out once per path: lane requests are most of the
// traffic, and each lane router tries its routes' patterns one by one. Speed only: mount.ts reads the same answer.
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Lesson, TrafficOwner } from './types.js';

/** One lane's (or a lesson's controls') routes, on a router of their own (mount.ts makes them). */
export interface LaneRoute {
  lesson: Lesson;
  /** A lane, or the lesson's controls. */
  lane: TrafficOwner;
  router: Router;
}

/** Which lanes a method and path belong to; it never changes once the lanes are mounted. */
interface LaneMatch {
  /** The lane with a route for this method and path: the lesson and lane the request is for. */
  lane?: LaneRoute;
  /** The lane with a route for this path by any method: the one that answers it, or says 405. */
  answering?: LaneRoute;
}

/** Paths come from anyone: past this many remembered, the memo starts over; a longer one is matched each time. */
const maxRememberedPaths = 1000;
const maxRememberedPathChars = 256;
const matchers = new WeakMap<LaneRoute[], (ctx: Context) => LaneMatch>();

/**
 * Every lane router is asked about a method and path once, not by each middleware that needs to know, nor again
 * on every request: lane requests are most of the traffic, and each router tries its routes' patterns one by one.
 */
export function matcherFor(lanes: LaneRoute[]): (ctx: Context) => LaneMatch {
  let matcher = matchers.get(lanes);
  if (matcher) return matcher;
  const remembered = new Map<string, LaneMatch>();
  matcher = ({ method, path }) => {
    const key = `${method} ${path}`;
    let found = remembered.get(key);
    if (found === undefined) {
      const matches = lanes.map((lane) => ({ lane, match: lane.router.match(path, method) }));
      found = {
        lane: matches.find(({ match }) => match.route)?.lane,
        answering: matches.find(({ match }) => match.path.some((layer) => layer.methods.length > 0))?.lane,
      };
      if (path.length > maxRememberedPathChars) return found;
      if (remembered.size >= maxRememberedPaths) remembered.clear();
      remembered.set(key, found);
    }
    return found;
  };
  matchers.set(lanes, matcher);
  return matcher;
}

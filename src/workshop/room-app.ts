// The room on the app: who the instructor is, the room's locals for every page, the lesson pages' room routes
// and the instructor's console, as one middleware for createApp.
import type Router from '@koa/router';
import type { Middleware } from 'koa';
import type { Lesson } from '../kit/types.js';
import { instructorAccess } from './instructor.js';
import { presentRoutes } from './present.js';
import { Room } from './room.js';
import { roomLocals, roomRoutes } from './room-routes.js';

export interface WorkshopRoom {
  room: Room;
  middleware: Middleware;
  routers: Router[];
}

export function workshopRoom(lessons: Lesson[], instructorKey: string | undefined, latencyMs: number): WorkshopRoom {
  const room = new Room(latencyMs);
  const access = instructorAccess(instructorKey);
  const routers = [roomRoutes(room, lessons), presentRoutes(room, lessons, access)];
  const locals = roomLocals(room);
  const [pageRoutes, consoleRoutes] = routers.map(routesUnderPrefix) as [Middleware, Middleware];
  const middleware: Middleware = (ctx, next) =>
    access.identify(ctx, () => locals(ctx, () => pageRoutes(ctx, () => consoleRoutes(ctx, next))));
  return { room, middleware, routers };
}

/**
 * A prefixed router's routes, passing any path outside its prefix straight on: every request comes through here,
 * and the router would otherwise try each of its patterns on it, and work out its host, before passing it on.
 */
function routesUnderPrefix(router: Router): Middleware {
  const routes = router.routes() as Middleware;
  const { prefix } = router.opts;
  return prefix ? (ctx, next) => (ctx.path.startsWith(prefix) ? routes(ctx, next) : next()) : routes;
}

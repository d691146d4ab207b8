// createApp: the whole Koa app (pages, lessons, inspector, static files). It never listens itself.
import { join } from 'node:path';
import type Router from '@koa/router';
import Koa from 'koa';
import { lazyBodyParser } from './kit/body-parser.js';
import { handleErrors } from './kit/errors.js';
import { type AllowedHosts, checkHosts } from './kit/hosts.js';
import type { Lang } from './kit/i18n.js';
import { routeLanes } from './kit/mount.js';
import { htmxDistDir, htmxVersion, lessonsDir } from './kit/paths.js';
import { limitBodyDepth, limitBodySize, limitUnreadBody, securityHeaders } from './kit/security.js';
import { serveFolders } from './kit/static.js';
import type { Lesson } from './kit/types.js';
import { identifyVisitor, verifyCsrf } from './kit/visitor.js';
import { lessons as allLessons } from './lessons/index.js';
import { createInspector, ExchangeStore, type Inspector, type StoreLimits, type StreamLimits } from './workshop/inspector/index.js';
import { delayLanes, type Latency } from './workshop/latency.js';
import { lessonPageRenderer, pageRoutes } from './workshop/pages.js';
import { joinRoutes } from './workshop/join.js';
import { logRequests, type RequestRecord } from './workshop/request-log.js';
import { mountLanes } from './workshop/lanes.js';
import { serveBundles } from './workshop/assets.js';
import { highlightStylesDir, templatesDir } from './workshop/paths.js';
import { renderFile, views } from './workshop/views.js';
import { workshopWords } from './workshop/words.js';
import { workshopRoom } from './workshop/room-app.js';
import type { Room } from './workshop/room.js';

export const bodyLimitBytes = 16 * 1024;

export type { RequestRecord };
/** For whoever runs the app: an error that only means a client went away (a closed tab), not the server's. */
export { isClientGone } from './kit/errors.js';

export interface AppOptions {
  /** UI language when the visitor has not chosen one. */
  lang?: Lang;
  /** Added to every lesson response, to watch the four steps in slow motion; a function sets it per request. */
  latencyMs?: Latency;
  /** Called once per finished request (the terminal's request log). */
  onRequest?: (record: RequestRecord) => void;
  lessons?: Lesson[];
  inspectorLimits?: Partial<StoreLimits & StreamLimits>;
  /** The host names it answers to (DNS rebinding); this machine's loopback names unless told. */
  allowedHosts?: AllowedHosts;
  /** Signs CSRF tokens; the same secret after a restart keeps open tabs' tokens valid. */
  csrfSecret?: Buffer;
  /** Opens the instructor's console; undefined is solo mode (loopback, no key: the one user is the instructor). */
  instructorKey?: string;
  /** The address learners type or scan, shown on /join; without it, the address /join was opened at. */
  joinUrl?: string;
}

export interface DemoApp {
  app: Koa;
  inspector: Inspector;
  /** Who is connected and where, the pulse, the room's slow motion: what /join counts and /present shows. */
  room: Room;
  /** Every router the app mounts (the pages', then each lesson's lanes'): what a tool can list its routes from. */
  routers: Router[];
  /** Ends open inspector streams and timers, so the server can close. */
  close(): void;
}

export function createApp(options: AppOptions = {}): DemoApp {
  const { lang = 'en', latencyMs = 0, onRequest, lessons = allLessons } = options;
  const app = new Koa();
  app.silent = true; // errors are reported once, by whoever listens to 'error'
  // The exchanges kept -> the lesson page (which lists them) -> the lanes (which render it) -> the inspector
  // (which records what the lanes answer) -> the routes around the lanes.
  const store = new ExchangeStore(options.inspectorLimits);
  const renderPage = lessonPageRenderer(lessons, store);
  const lanes = mountLanes(lessons, renderFile, renderPage);
  const inspector = createInspector(lanes, store, options.inspectorLimits);
  const pages = pageRoutes(lessons, renderPage, inspector.stream);
  const workshop = workshopRoom(lessons, options.instructorKey, typeof latencyMs === 'number' ? latencyMs : 0);
  const { room } = workshop;

  if (onRequest) app.use(logRequests(onRequest));
  app.use(inspector.capture);
  app.use(handleErrors(views));
  app.use(securityHeaders());
  app.use(limitBodySize(bodyLimitBytes));
  app.use(serveBundles());
  app.use(
    serveFolders([
      { prefix: `/vendor/htmx/${htmxVersion}/`, root: htmxDistDir, maxAge: 31_536_000, immutable: true },
      { prefix: '/vendor/highlight.js/', root: highlightStylesDir, maxAge: 86_400 },
      { prefix: '/static/lessons/shared/', root: join(lessonsDir, 'shared', 'public'), maxAge: 0 },
      ...lessons.map((lesson) => ({ prefix: `/static/lessons/${lesson.id}/`, root: join(lesson.dir, 'public'), maxAge: 0 })),
      ...lessons.flatMap((lesson) => (lesson.vendorFolders ?? []).map((folder) => ({ ...folder, maxAge: 31_536_000, immutable: true }))),
      { prefix: '/static/', root: join(templatesDir, 'assets'), maxAge: 0 },
    ]),
  );
  // After the files (public anyway, and they style the 403 page a refused name gets), before anything per visitor.
  app.use(checkHosts({ allowed: options.allowedHosts }));
  app.use(identifyVisitor({ defaultLang: lang, words: workshopWords, secret: options.csrfSecret }));
  app.use(lazyBodyParser({ enableTypes: ['json', 'form', 'text'], jsonLimit: bodyLimitBytes, formLimit: bodyLimitBytes, textLimit: bodyLimitBytes }));
  app.use(limitUnreadBody(bodyLimitBytes));
  app.use(limitBodyDepth());
  app.use(verifyCsrf());
  app.use(workshop.middleware);
  // The room's slow motion (the console changes it); a test's function of its own comes on top.
  app.use(delayLanes((ctx) => room.latencyMs + (typeof latencyMs === 'function' ? latencyMs(ctx) : 0)));
  // Lanes first: most requests are theirs, and no lane path is a page's.
  app.use(routeLanes(lanes.lanes));
  app.use(pages.routes());
  app.use(pages.allowedMethods());
  // In a room (a key), the room's own count: learners with a lesson page open, the instructor not among them.
  // Solo, nobody joins the room; what /join shows then is the pages listening to the inspector.
  const learnerCount = options.instructorKey === undefined ? () => store.listeningVisitorCount : () => room.learnerCount();
  const joining = joinRoutes({ joinUrl: options.joinUrl, learnerCount });
  app.use(joining.router.routes());

  const close = () => {
    inspector.close();
    joining.close();
    room.closeAll();
  };
  return { app, inspector, room, routers: [pages, joining.router, ...lanes.lanes.map(({ router }) => router), ...workshop.routers], close };
}

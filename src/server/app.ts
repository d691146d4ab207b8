// createApp: the whole Koa app (pages, lessons, inspector, static files). It never listens itself.
import { join } from 'node:path';
import type Router from '@koa/router';
import Koa from 'koa';
import { createInspector, type Inspector } from '../lane/inspector.js';
import { delayLanes, type Latency } from '../lane/latency.js';
import { mountLanes, type PageRenderer } from '../lane/mount.js';
import { lessonPageRenderer, pageRoutes } from '../lane/pages.js';
import type { StoreLimits } from '../lane/exchange-store.js';
import type { Lesson } from '../lane/types.js';
import { lessons as allLessons } from '../lessons/index.js';
import { lazyBodyParser } from './body-parser.js';
import { handleErrors } from './errors.js';
import type { Lang } from './i18n.js';
import { highlightStylesDir, htmxDistDir, htmxVersion, lessonsDir, templatesDir } from './paths.js';
import { logRequests, type RequestRecord } from './request-log.js';
import { limitBodyDepth, limitBodySize, limitUnreadBody, securityHeaders } from './security.js';
import { serveFolders } from './static.js';
import { identifyVisitor, verifyCsrf } from './visitor.js';

export const bodyLimitBytes = 16 * 1024;

export type { RequestRecord };

export interface AppOptions {
  /** UI language when the visitor has not chosen one. */
  lang?: Lang;
  /** Added to every lesson response, to watch the four steps in slow motion; a function sets it per request. */
  latencyMs?: Latency;
  /** Called once per finished request (the terminal's request log). */
  onRequest?: (record: RequestRecord) => void;
  lessons?: Lesson[];
  inspectorLimits?: Partial<StoreLimits>;
}

export interface DemoApp {
  app: Koa;
  inspector: Inspector;
  /** Every router the app mounts (the pages', then each lesson's lanes'): what a tool can list its routes from. */
  routers: Router[];
  /** Ends open inspector streams and timers, so the server can close. */
  close(): void;
}

export function createApp(options: AppOptions = {}): DemoApp {
  const { lang = 'en', latencyMs = 0, onRequest, lessons = allLessons } = options;
  const app = new Koa();
  app.silent = true; // errors are reported once, by whoever listens to 'error'
  // Lanes, inspector and pages need each other: the lanes' page renderer is bound once the inspector exists.
  let renderPage: PageRenderer | undefined;
  const lanes = mountLanes(lessons, (ctx, lesson, locals) => renderPage!(ctx, lesson, locals));
  const inspector = createInspector(lanes, options.inspectorLimits);
  renderPage = lessonPageRenderer(lessons, inspector);
  const pages = pageRoutes(lessons, renderPage, inspector);

  if (onRequest) app.use(logRequests(onRequest));
  app.use(inspector.capture);
  app.use(handleErrors());
  app.use(securityHeaders());
  app.use(limitBodySize(bodyLimitBytes));
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
  app.use(identifyVisitor({ defaultLang: lang }));
  app.use(lazyBodyParser({ enableTypes: ['json', 'form', 'text'], jsonLimit: bodyLimitBytes, formLimit: bodyLimitBytes, textLimit: bodyLimitBytes }));
  app.use(limitUnreadBody(bodyLimitBytes));
  app.use(limitBodyDepth());
  app.use(verifyCsrf());
  if (typeof latencyMs === 'function' || latencyMs > 0) app.use(delayLanes(latencyMs));
  // Lanes first: most requests are theirs, and no lane path is a page's.
  app.use(lanes.middleware);
  app.use(pages.routes());
  app.use(pages.allowedMethods());

  return { app, inspector, routers: [pages, ...lanes.routers], close: () => inspector.close() };
}

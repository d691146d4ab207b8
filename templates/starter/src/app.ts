// The app: security first, then files, then who is asking, then the lesson pages and each lesson's two lanes.
import { join } from 'node:path';
import Koa from 'koa';
import { lazyBodyParser } from './kit/body-parser.js';
import { handleErrors } from './kit/errors.js';
import { type AllowedHosts, checkHosts } from './kit/hosts.js';
import { type Lang, pageWords } from './kit/i18n.js';
import { laneRouters, routeLanes, tagLanes } from './kit/mount.js';
import { htmxDistDir, htmxVersion, lessonsDir, packageRoot } from './kit/paths.js';
import { limitBodyDepth, limitBodySize, limitUnreadBody, securityHeaders } from './kit/security.js';
import { serveFolders } from './kit/static.js';
import type { Lesson } from './kit/types.js';
import { createViews } from './kit/views.js';
import { identifyVisitor, verifyCsrf } from './kit/visitor.js';
import { lessons as allLessons } from './lessons/index.js';
import { lessonPages } from './page.js';

const bodyLimitBytes = 16 * 1024; // larger request bodies are refused with a 413

export interface AppOptions {
  lang?: Lang;
  lessons?: Lesson[];
  /** The host names it answers to (against DNS rebinding): this machine's loopback names unless told. */
  allowedHosts?: AllowedHosts;
}

export function createApp({ lang = 'en', lessons = allLessons, allowedHosts }: AppOptions = {}): Koa {
  const app = new Koa();
  // Views are read on every render: edit one and reload the page.
  const views = createViews({ dir: join(packageRoot, 'views'), cache: false, words: pageWords, locals: { htmxVersion } });
  const pages = lessonPages(lessons, views);
  const lanes = laneRouters(lessons, views.file, pages.render);

  // 1. Which lane a request is for, so that its errors answer JSON (JSON lane) or a fragment (htmx lane).
  app.use(tagLanes(lanes));
  // 2. One error path; headers on every answer (CSP: no inline script); a body size limit.
  app.use(handleErrors(views));
  app.use(securityHeaders());
  app.use(limitBodySize(bodyLimitBytes));
  // 3. Files (public to whoever asks): htmx from node_modules, each lesson's public/ folder, the page's CSS.
  app.use(serveFolders([
    { prefix: `/vendor/htmx/${htmxVersion}/`, root: htmxDistDir, maxAge: 31_536_000, immutable: true },
    { prefix: '/static/lessons/shared/', root: join(lessonsDir, 'shared', 'public'), maxAge: 0 },
    ...lessons.flatMap((lesson) => [
      { prefix: `/static/lessons/${lesson.id}/`, root: join(lesson.dir, 'public'), maxAge: 0 },
      ...(lesson.vendorFolders ?? []).map((folder) => ({ ...folder, maxAge: 31_536_000, immutable: true })),
    ]),
    { prefix: '/static/', root: join(packageRoot, 'public'), maxAge: 0 },
  ]));
  // 4. Only the host names it was started for, and no change sent from another site.
  app.use(checkHosts({ allowed: allowedHosts, howToAllow: (host) => `To reach it by this name, start it with ALLOWED_HOSTS=${host} npm start` }));
  // 5. The visitor (cookie, language, CSRF token), the body (JSON or form), and the CSRF check.
  app.use(identifyVisitor({ defaultLang: lang, words: pageWords }));
  app.use(lazyBodyParser({ enableTypes: ['json', 'form', 'text'], jsonLimit: bodyLimitBytes, formLimit: bodyLimitBytes, textLimit: bodyLimitBytes }));
  app.use(limitUnreadBody(bodyLimitBytes));
  app.use(limitBodyDepth());
  app.use(verifyCsrf());
  // 6. The lesson pages, then each lesson's two lanes.
  app.use(pages.router.routes());
  app.use(pages.router.allowedMethods());
  app.use(routeLanes(lanes));
  return app;
}

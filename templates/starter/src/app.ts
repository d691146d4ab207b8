// createApp: the Koa app. Security first, then static files, then who is asking, then the pages and the lessons.
import { join } from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { lessonPages } from './page.js';
import { mountLanes } from './kit/mount.js';
import type { Lesson } from './kit/types.js';
import { lessons as allLessons } from './lessons/index.js';
import { handleErrors } from './kit/errors.js';
import type { Lang } from './kit/i18n.js';
import { htmxDistDir, htmxVersion, lessonsDir, publicDir } from './kit/paths.js';
import { limitBodyDepth, limitBodySize, limitUnreadBody, securityHeaders } from './kit/security.js';
import { serveStatic } from './kit/static.js';
import { identifyVisitor, verifyCsrf } from './kit/visitor.js';

/** Request bodies over 16 KB are refused with a 413. */
export const bodyLimitBytes = 16 * 1024;

export interface AppOptions {
  /** UI language until a visitor picks one with ?lang=. */
  lang?: Lang;
  lessons?: Lesson[];
}

export function createApp({ lang = 'en', lessons = allLessons }: AppOptions = {}): Koa {
  const app = new Koa();
  const pages = lessonPages(lessons);
  const lanes = mountLanes(lessons, pages.render);

  // 1. Which lane a request is for: errors answer JSON to the JSON lane and a fragment to the htmx lane.
  app.use((ctx, next) => {
    ctx.state.lane = lanes.match(ctx)?.lane;
    return next();
  });
  // 2. Security: one error path, headers on every answer (CSP: no inline script), a body size limit.
  app.use(handleErrors());
  app.use(securityHeaders());
  app.use(limitBodySize(bodyLimitBytes));
  // 3. Files: htmx from node_modules, each lesson's public/ folder, the page's own CSS and scripts.
  app.use(serveStatic(`/vendor/htmx/${htmxVersion}/`, htmxDistDir, { maxAge: 31_536_000, immutable: true }));
  app.use(serveStatic('/static/lessons/shared/', join(lessonsDir, 'shared', 'public'), { maxAge: 0 }));
  for (const lesson of lessons) {
    app.use(serveStatic(`/static/lessons/${lesson.id}/`, join(lesson.dir, 'public'), { maxAge: 0 }));
    for (const { prefix, root } of lesson.vendorFolders ?? []) app.use(serveStatic(prefix, root, { maxAge: 31_536_000, immutable: true }));
  }
  app.use(serveStatic('/static/', publicDir, { maxAge: 0 }));
  // 4. The visitor (cookie, language, CSRF token), the body (JSON or form), and the CSRF check.
  app.use(identifyVisitor({ defaultLang: lang }));
  app.use(bodyParser({ enableTypes: ['json', 'form', 'text'], parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'], jsonLimit: bodyLimitBytes, formLimit: bodyLimitBytes, textLimit: bodyLimitBytes }));
  app.use(limitUnreadBody(bodyLimitBytes));
  app.use(limitBodyDepth());
  app.use(verifyCsrf());
  // 5. The lesson pages, then each lesson's two lanes.
  app.use(pages.router.routes());
  app.use(pages.router.allowedMethods());
  app.use(lanes.middleware);
  return app;
}

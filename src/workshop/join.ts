// /join, the page to project while the room arrives: the address to type or scan, how many learners are connected,
// and the package itself for rooms where the npm registry is slow or the package is not published.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Router from '@koa/router';
import type { Context } from 'koa';
import { renderSVG } from 'uqr';
import { packageRoot } from '../kit/paths.js';
import { renderView } from './views.js';
import { packageDownload } from './download.js';
import { joinWords } from './join-words.js';

export const joinPath = '/join';
/** The learner count's own fragment, polled by the join page (paths under /_ are the tool's, left out of the room log). */
export const learnersPath = '/_join/learners';

export interface JoinOptions {
  /** The address learners use; without it, the origin /join was opened at. */
  joinUrl?: string;
  /** Learners connected now. */
  learnerCount(): number;
}

export interface JoinRoutes {
  router: Router;
  /** Stops packing the tarball, if under way (server shutdown). */
  close(): void;
}

export function joinRoutes({ joinUrl, learnerCount }: JoinOptions): JoinRoutes {
  const { name, version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const download = packageDownload(packageRoot, name, version);
  const router = new Router();
  // A QR code is the same for every visit: drawn once per address.
  const qrCodes = new Map<string, string>();
  const qrFor = (url: string) => {
    let svg = qrCodes.get(url);
    if (svg === undefined) {
      svg = renderSVG(url, { border: 2, ecc: 'M' });
      if (qrCodes.size < 16) qrCodes.set(url, svg); // addresses come from Host headers when no joinUrl is given
    }
    return svg;
  };
  const learnerLocals = (ctx: Context) => ({ learners: learnerCount(), words: joinWords[ctx.state.lang], learnersPath });

  router.get(joinPath, (ctx) => {
    const url = joinUrl ?? `${ctx.protocol}://${ctx.host}/`;
    // A Host header that is no host at all (reachable with --allowed-hosts all) makes no address to share.
    if (!URL.canParse(url)) return ctx.throw(400, 'This page was asked for by a name that is not a valid host.');
    const downloadUrl = new URL(download.path, url).href;
    download.prepare();
    ctx.type = 'html';
    ctx.body = renderView(ctx, 'join', {
      ...learnerLocals(ctx),
      joinUrl: url,
      shownUrl: url.replace(/^http:\/\//, '').replace(/\/$/, ''),
      qrSvg: qrFor(url),
      download: {
        url: downloadUrl,
        file: download.path.slice(download.path.lastIndexOf('/') + 1),
        command: `npx --package=${downloadUrl} ${name} scaffold my-demo`,
      },
    });
  });
  router.get(learnersPath, (ctx) => {
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = renderView(ctx, '_learners', learnerLocals(ctx));
  });
  router.get(download.path, download.middleware);
  return { router, close: download.close };
}

// The two htmx versions side by side: which lane runs which, where its frame lives, and where its htmx is served.
import { browserFilesOf, htmxVersion, versionOf } from '../../kit/paths.js';
import type { LaneId } from '../../kit/types.js';

/** htmx 2, installed under the npm alias htmx2 and served by this lesson alone: no other page loads it. */
const htmx2DistDir = browserFilesOf('htmx2', 'dist/htmx.min.js');
const htmx2Version = versionOf('htmx2');

export interface Version {
  lane: LaneId;
  /** "2" or "4": the path segment of the version's frame and routes. */
  major: '2' | '4';
  /** The exact version, as the lane's heading and its script URL say it. */
  version: string;
  /** The frame's page; every case's URL in it is relative to this. */
  base: string;
  htmxSrc: string;
}

export const versions: Record<LaneId, Version> = {
  json: { lane: 'json', major: '2', version: htmx2Version, base: '/htmx2-vs-4/v2/', htmxSrc: `/vendor/htmx/${htmx2Version}/htmx.min.js` },
  htmx: { lane: 'htmx', major: '4', version: htmxVersion, base: '/htmx2-vs-4/v4/', htmxSrc: `/vendor/htmx/${htmxVersion}/htmx.min.js` },
};

/** The app serves htmx 4 for every page; htmx 2's folder is this lesson's to add. */
export const vendorFolders = [{ prefix: `/vendor/htmx/${htmx2Version}/`, root: htmx2DistDir }];

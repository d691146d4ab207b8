// The package's name and version, read from package.json at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../kit/paths.js';

interface PackageJson {
  name: string;
  version: string;
}

export function readPackageInfo(): PackageJson {
  const { name, version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as PackageJson;
  return { name, version };
}

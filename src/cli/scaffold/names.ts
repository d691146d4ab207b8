// Names the scaffold needs right: the npm package name, the package manager and its commands, a path for the shell.
import { builtinModules } from 'node:module';

const maxNameLength = 214;
const validName = /^[a-z0-9][a-z0-9._-]*$/;

/** Why `name` cannot be an npm package name (npm's rules for new packages), or undefined if it can. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > maxNameLength) return `it is longer than ${maxNameLength} characters`;
  if (name !== name.toLowerCase()) return 'it has capital letters';
  if (/\s/.test(name)) return 'it has spaces';
  if (!validName.test(name)) return 'npm allows only a-z, 0-9, "-", "." and "_", starting with a letter or digit';
  if (name === 'node_modules' || name === 'favicon.ico') return 'npm reserves it';
  if (builtinModules.includes(name)) return 'it is the name of a Node.js core module';
  return undefined;
}

/** The nearest valid name: "My Demo!" becomes "my-demo". */
export function suggestPackageName(name: string): string {
  const cleaned = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, maxNameLength);
  if (!cleaned) return 'htmx-starter';
  return builtinModules.includes(cleaned) || cleaned === 'node_modules' ? `${cleaned}-app` : cleaned;
}

export const packageManagers = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManager = (typeof packageManagers)[number];

/** The package manager that ran us (`npx`, `pnpm dlx`, `yarn dlx`, `bunx` set npm_config_user_agent); npm otherwise. */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  const name = userAgent?.split('/')[0];
  return packageManagers.find((pm) => pm === name) ?? 'npm';
}

export interface PackageManagerCommands {
  install: string[];
  start: string;
  test: string;
}

/** `bun test` would run bun's own test runner, and `yarn install` is just `yarn`: each says it its own way. */
export function commandsFor(pm: PackageManager): PackageManagerCommands {
  switch (pm) {
    case 'yarn':
      return { install: ['yarn'], start: 'yarn start', test: 'yarn test' };
    case 'bun':
      return { install: ['bun', 'install'], start: 'bun run start', test: 'bun run test' };
    default:
      return { install: [pm, 'install'], start: `${pm} start`, test: `${pm} test` };
  }
}

/** A path as the user should type it in their shell: quoted when it has spaces or other special characters. */
export function quoteForShell(path: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return /^[\w@%+=:,./\\-]+$/.test(path) ? path : `"${path}"`;
  if (/^[\w@%+=:,./-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

// npm run solution -- <lesson> [--apply]: the difference between your files and the solution, or the solution
// written over them, once your attempt is kept in a backup folder.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unifiedDiff } from './diff.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const solutions = join(root, 'solutions');
const available = existsSync(solutions) ? readdirSync(solutions).sort() : [];

const args = process.argv.slice(2);
const apply = args.includes('--apply');
const lesson = args.find((arg) => !arg.startsWith('-'));
if (!lesson || !available.includes(lesson)) {
  console.error(`error: ${lesson ? `no solution for "${lesson}"` : 'which lesson?'}: npm run solution -- <${available.join('|')}> [--apply]`);
  process.exit(1);
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full).map((file) => join(name, file)) : [name];
  });
}

const files = filesUnder(join(solutions, lesson)).sort();
const yours = (file: string) => join(root, 'src', 'lessons', lesson, file);
const changed = files.filter((file) => !existsSync(yours(file)) || readFileSync(yours(file), 'utf8') !== readFileSync(join(solutions, lesson, file), 'utf8'));

if (changed.length === 0) {
  console.log(`${lesson}: your files are the solution already.`);
} else if (!apply) {
  for (const file of changed) {
    const mine = existsSync(yours(file)) ? readFileSync(yours(file), 'utf8') : '';
    const path = relative(root, yours(file));
    process.stdout.write(unifiedDiff(mine, readFileSync(join(solutions, lesson, file), 'utf8'), `${path} (yours)`, `${path} (solution)`));
  }
  console.log(`\nnpm run solution -- ${lesson} --apply writes the solution over these ${changed.length} file(s), keeping yours in a backup folder.`);
} else {
  const backup = join(root, '.solution-backup', `${lesson}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  for (const file of changed) {
    if (existsSync(yours(file))) {
      mkdirSync(dirname(join(backup, file)), { recursive: true });
      copyFileSync(yours(file), join(backup, file));
    }
    mkdirSync(dirname(yours(file)), { recursive: true });
    copyFileSync(join(solutions, lesson, file), yours(file));
    console.log(`wrote ${relative(root, yours(file))}`);
  }
  console.log(`Your attempt is kept in ${relative(root, backup)}/`);
}

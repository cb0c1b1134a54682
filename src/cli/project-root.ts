import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../extract/errors.ts';

/**
 * The project's root, where vite.config.ts, src/ and the model files are: the nearest folder above
 * this module whose package.json is kg's (this module runs from src/cli, or from the bundle of the
 * sources under node_modules/.cache/kg).
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'kg') return dir;
    const up = dirname(dir);
    if (up === dir) throw new NotFoundError(`kg's package.json was not found above ${fileURLToPath(import.meta.url)}; run kg from its project folder`);
    dir = up;
  }
}

export const PROJECT_ROOT = projectRoot();

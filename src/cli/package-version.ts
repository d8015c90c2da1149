// The version kinesim reports (`kinesim --version`, `kinesim serve --version`): its package.json's, found from the
// running script, so it is right from the sources, from dist/ and from an installed package alike.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The version in kinesim's package.json: the first one named kinesim above the running script. */
export function packageVersion(script = process.argv[1]): string {
  if (script === undefined) return 'unknown';
  let dir = dirname(realpathSync(script));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kinesim' && pkg.version !== undefined) return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

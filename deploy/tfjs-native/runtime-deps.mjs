// Prints, one per line, the node_modules entries (relative to <scratch>/node_modules) that
// @tensorflow/tfjs-node (or tfjs-node-gpu, same dependencies) needs at run time, excluding @tensorflow/* packages: those must come from the
// project's own node_modules so that tfjs-node registers into the project's single tfjs-core.
// Usage: node runtime-deps.mjs <scratch dir holding an `npm install <package>`> [package, default @tensorflow/tfjs-node]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const scratch = process.argv[2];
const packageName = process.argv[3] ?? '@tensorflow/tfjs-node';
if (!scratch) throw new Error('usage: runtime-deps.mjs <scratch dir> [package]');
const top = join(scratch, 'node_modules');

/** Node's lookup: <dir>/node_modules/<name>, then each parent's, up to the scratch root. */
function resolvePackageDir(fromDir, name) {
  for (let dir = fromDir; dir.startsWith(scratch); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === scratch) break;
  }
  throw new Error(`cannot resolve ${name} from ${fromDir}`);
}

const seen = new Set();
const queue = [join(top, ...packageName.split('/'))];
while (queue.length > 0) {
  const dir = queue.shift();
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const deps = { ...pkg.dependencies, ...pkg.optionalDependencies };
  for (const name of Object.keys(deps)) {
    if (name.startsWith('@tensorflow/')) continue;
    let depDir;
    try {
      depDir = resolvePackageDir(dir, name);
    } catch (err) {
      if (name in (pkg.optionalDependencies ?? {})) continue; // an optional dep npm skipped
      throw err;
    }
    if (seen.has(depDir)) continue;
    seen.add(depDir);
    queue.push(depDir);
  }
}

// Only entries directly under node_modules are copied; nested ones travel inside their parent.
const entries = new Set();
for (const dir of seen) {
  const rel = relative(top, dir).split(sep);
  const nestedInTfjsNode = rel.slice(0, 2).join('/') === packageName;
  if (nestedInTfjsNode) throw new Error(`${packageName} has a nested dependency (${dir}); flatten it first`);
  const isNested = rel.includes('node_modules');
  if (!isNested) entries.add(rel.join('/'));
}
console.log([...entries].sort().join('\n'));

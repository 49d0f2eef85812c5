// Bundles each service with esbuild into dist/bundles/<service>/: main.js (the service), one .js per worker
// thread it starts, the proto files it loads, and a package.json naming only the packages left outside the
// bundle (native code, wasm, files they read beside themselves) at the versions of the root package.json. An
// image then needs only that folder and `npm install --omit=dev` of that package.json: no TypeScript, no tsx.
//   npx tsx deploy/bundle/bundle-services.ts [service ...]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLES_DIR = join(REPO_ROOT, 'dist', 'bundles');

export interface BundleSpec {
  /** The service's main.ts, bundled as main.js. */
  main: string;
  /** Worker threads it starts, bundled as <file name>.js beside main.js. */
  workers?: string[];
  /** Further programs the image runs, by output name (the gateway image runs the chart's migrations Job and `ser`). */
  extra?: Record<string, string>;
  /** Files the code reads beside itself, copied next to main.js. */
  files?: string[];
}

/** Entry points of each service's bundle; JSON so the tests read the same table without importing this script. */
export const SERVICE_BUNDLES = JSON.parse(readFileSync(join(REPO_ROOT, 'deploy', 'bundle', 'bundles.json'), 'utf8')) as Record<string, BundleSpec>;

/**
 * Left outside the bundle: native addons and wasm (tfjs-node, ONNX Runtime, resvg, PGlite, libsvm), packages that load files
 * or start threads from their own folder (grpc-health-check and @grpc/reflection protos, piscina, pino), and those
 * that must stay one instance with an external (every @tensorflow package shares tfjs-core; graphql).
 */
export const EXTERNALS = [
  '@tensorflow/*',
  'onnxruntime-node',
  '@electric-sql/pglite',
  '@resvg/resvg-js',
  'libsvm-js',
  'libsvm-js/*',
  'grpc-health-check',
  '@grpc/reflection',
  'piscina',
  'pino',
  'pino-pretty',
  'graphql',
  'pg-native',
  // Build-time and browser-only tools some modules name but services never load.
  'vite',
  'tsx',
  'tsx/*',
];

/** Named in code paths a bundle never takes (running TypeScript sources, building the console). */
const NEVER_AT_RUN_TIME = new Set(['tsx', 'vite']);

const WORKER_URL = /new URL\((['"])\.\/(?:[\w.-]+\/)*([\w-]+)\.ts\1, import\.meta\.url\)/g;
const PROTO_ROOT_URL = /new URL\((['"])\.\.\/\.\.\/\.\.\/proto\1, import\.meta\.url\)/g;

/** Worker URLs and the proto folder, which sources name relative to themselves, are made relative to the bundle. */
function relocate(seen: Set<string>): Plugin {
  return {
    name: 'relocate-files',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        source = source.replace(WORKER_URL, (_m, _q, name: string) => {
          seen.add(name);
          return `new URL('./${name}.js', import.meta.url)`;
        });
        source = source.replace(PROTO_ROOT_URL, "new URL('./proto', import.meta.url)");
        return { contents: source, loader: 'ts' };
      });
    },
  };
}

export interface BundleResult {
  service: string;
  dir: string;
  /** Bytes of each output .js file. */
  outputs: Record<string, number>;
  /** Packages the bundle imports from node_modules at run time, with their pinned versions. */
  externals: Record<string, string>;
  /** Source files compiled in (repository-relative), to check that no compiler was. */
  inputs: string[];
  /** Worker threads the bundled code names but the bundle has no entry for. */
  workersNotBundled: string[];
}

export async function bundleService(service: string): Promise<BundleResult> {
  const spec = SERVICE_BUNDLES[service];
  if (!spec) throw new Error(`unknown service ${service}; one of ${Object.keys(SERVICE_BUNDLES).join(', ')}`);
  const dir = join(BUNDLES_DIR, service);
  rmSync(dir, { recursive: true, force: true });
  // Every image's HEALTHCHECK (Docker, Podman) runs healthcheck.js beside main.js.
  const entryPoints: Record<string, string> = { main: spec.main, healthcheck: 'deploy/docker/healthcheck.mjs', ...spec.extra };
  const workersNamed = new Set<string>();
  for (const worker of spec.workers ?? []) entryPoints[basename(worker, '.ts')] = worker;
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints,
    outdir: dir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: false,
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    tsconfig: 'tsconfig.base.json',
    external: EXTERNALS,
    // CommonJS packages inside an ESM bundle still call require, __filename and __dirname.
    banner: {
      js: [
        "import { createRequire as __serCreateRequire } from 'node:module';",
        "import { fileURLToPath as __serFileURLToPath } from 'node:url';",
        'const require = __serCreateRequire(import.meta.url);',
        'const __filename = __serFileURLToPath(import.meta.url);',
        "const __dirname = __serFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    plugins: [relocate(workersNamed)],
  });
  // A worker URL in code the bundle holds but never runs is harmless; one it runs must be an entry (checked by the test).
  const missing = [...workersNamed].filter((w) => !(spec.workers ?? []).some((e) => basename(e, '.ts') === w));
  cpSync(join(REPO_ROOT, 'proto'), join(dir, 'proto'), { recursive: true });
  for (const file of spec.files ?? []) cpSync(join(REPO_ROOT, file), join(dir, basename(file)));
  const externals = [...new Set([...externalPackages(result.metafile), ...requiredByName(dir, Object.keys(result.metafile.outputs))])].sort();
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  const pinned: Record<string, string> = {};
  const optional: Record<string, string> = {};
  for (const name of externals) {
    const version = root.dependencies[name] ?? root.optionalDependencies?.[name];
    if (root.optionalDependencies?.[name]) optional[name] = version!;
    else if (version) pinned[name] = version;
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: `@ser/${service}-bundle`, private: true, type: 'module', main: 'main.js', dependencies: pinned, optionalDependencies: optional },
      null,
      2,
    ) + '\n',
  );
  const outputs = Object.fromEntries(
    Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, out]) => [basename(file), out.bytes]),
  );
  return { service, dir, outputs, externals: { ...pinned, ...optional }, inputs: Object.keys(result.metafile.inputs), workersNotBundled: missing };
}

/** Package names (not deep paths) of the external imports; node: built-ins are not packages. */
function externalPackages(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external || imp.path.startsWith('node:') || imp.path.startsWith('.')) continue;
      const parts = imp.path.split('/');
      const name = imp.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      if (!isBuiltin(name) && !NEVER_AT_RUN_TIME.has(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Externals the code loads by name at run time (createRequire, tfjs-node chosen when installed), which the
 * metafile does not list: any root dependency matching an external pattern whose name the output quotes.
 */
function requiredByName(dir: string, outputs: string[]): string[] {
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  const candidates = [...Object.keys(root.dependencies), ...Object.keys(root.optionalDependencies ?? {})].filter(
    (name) => !NEVER_AT_RUN_TIME.has(name) && EXTERNALS.some((pattern) => (pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern)),
  );
  const code = outputs
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(REPO_ROOT, f), 'utf8'))
    .join('\n');
  return candidates.filter((name) => code.includes(`"${name}"`) || code.includes(`'${name}'`) || code.includes(`"${name}/`) || code.includes(`'${name}/`));
}

const BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'zlib',
  'dns',
  'child_process',
  'worker_threads',
  'module',
  'buffer',
  'string_decoder',
  'querystring',
  'assert',
  'async_hooks',
  'perf_hooks',
  'readline',
  'tty',
  'v8',
  'vm',
  'process',
  'timers',
  'constants',
  'diagnostics_channel',
  'punycode',
  'cluster',
  'dgram',
]);
const isBuiltin = (name: string) => BUILTINS.has(name.split('/')[0]!);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const json = process.argv.includes('--json');
  const named = process.argv.slice(2).filter((a) => a !== '--json');
  const services = named.length ? named : Object.keys(SERVICE_BUNDLES);
  mkdirSync(BUNDLES_DIR, { recursive: true });
  const results: BundleResult[] = [];
  for (const service of services) {
    const r = await bundleService(service);
    results.push(r);
    const kb = Object.entries(r.outputs)
      .map(([f, b]) => `${f} ${(b / 1024).toFixed(0)} KiB`)
      .join(', ');
    if (!json) process.stdout.write(`${service}: ${kb}; externals ${Object.keys(r.externals).join(' ') || 'none'}\n`);
  }
  // --json: the results as one JSON array on stdout, for test/deploy/bundles.spec.ts.
  if (json) process.stdout.write(JSON.stringify(results) + '\n');
}

#!/usr/bin/env node
/**
 * Checks what `npm publish` would put in the tarball, from `npm pack --dry-run --json` (after
 * `npm run build`; `npm test` runs it right after the build):
 *
 * - LICENSE, README.md, CHANGELOG.md and package.json are in it; nothing from test/, stories/,
 *   fixtures/, demo/, bench/, scripts/, .ci/, .storybook/, storybook-static/ or node_modules/;
 * - every source map has its sources (in the tarball, or inline as `sourcesContent`) and its generated
 *   file, and every `sourceMappingURL` comment names a map in the tarball;
 * - every target in `exports` and the entry fields (`main`, `module`, `types`, `unpkg`, `jsdelivr`,
 *   `customElements`, `web-types`) is in it, every `sideEffects` pattern and every `files` entry matches
 *   a file in it;
 * - every `modules[].path` of custom-elements.json and every `module` it names (declarations,
 *   superclasses, exports, custom-element-definitions) is in it (the summary says where those paths
 *   point, `src/…ts` or `dist/lib/…js`, so a change of the manifest's paths shows);
 * - the README's CDN snippet names this version, a file that ships, and that file's Subresource
 *   Integrity hash (sha384 of the built file), so the hash cannot go stale silently;
 * - the browser files (dist/mlo-widgets.js, the bundle, dist/chunks/) hold no indented line: every
 *   template in them was minified.
 *
 *   node scripts/check-package.mjs
 *   node scripts/check-package.mjs --snippet         # prints the README's CDN <script> tag for this build
 *   node scripts/check-package.mjs --update-readme   # writes it into README.md (every such tag)
 *
 * Prints each problem, then a one-line summary; exits 1 when there is a problem. Runs `npm pack` with
 * `--ignore-scripts`, so it checks the build on disk and never rebuilds (the `prepack` script does that
 * for a real `npm pack` or `npm publish`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleReferences } from './manifest-modules.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REQUIRED = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];
const FORBIDDEN_DIRS = ['test/', 'stories/', 'fixtures/', 'demo/', 'bench/', 'scripts/', '.ci/', '.storybook/', 'storybook-static/', 'node_modules/'];
const ENTRY_FIELDS = ['main', 'module', 'types', 'typings', 'browser', 'unpkg', 'jsdelivr', 'customElements', 'web-types'];
/** The file the README's embed snippet loads from the CDN, and the CDN's address form for it. */
const CDN_FILE = 'dist/mlo-widgets.js';
const cdnUrl = (name, version, path) => `https://cdn.jsdelivr.net/npm/${name}@${version}/${path}`;
/** The Subresource Integrity value of a file: `sha384-` and the base64 of its SHA-384. */
const integrityOf = (path) => `sha384-${createHash('sha384').update(readFileSync(join(ROOT, path))).digest('base64')}`;

/** Problems by kind, so that a hundred maps missing their sources read as one line with examples. */
const problems = new Map();
const problem = (kind, text) => problems.set(kind, [...(problems.get(kind) ?? []), text]);

/** `./dist/x.js` → `dist/x.js`, as npm lists paths. */
const packagePath = (path) => posix.normalize(path.replace(/^\.\//, ''));

/** A package.json path pattern (`*` within a segment, `**` across) as a RegExp. */
function patternRegExp(pattern) {
  const path = packagePath(pattern);
  const body = path
    .split(/(\*\*\/?|\*)/)
    .map((piece) => (piece.startsWith('**') ? '(?:.*/)?' : piece === '*' ? '[^/]*' : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  // A pattern without a slash matches that name in any folder (as bundlers read `sideEffects`).
  return new RegExp(path.includes('/') ? `^${body}$` : `(?:^|/)${body}$`);
}

function formatBytes(bytes) {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}

function pack() {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // npm is npm.cmd on Windows, which only a shell runs.
    shell: process.platform === 'win32',
  });
  const [result] = JSON.parse(output);
  if (!result?.files) throw new Error(`npm pack --dry-run --json gave no file list:\n${output}`);
  return result;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The README's embed tag for this build (after `npm run build`): this version from jsDelivr, with its hash. */
const snippet = () => `<script src="${cdnUrl(manifest.name, manifest.version, CDN_FILE)}" integrity="${integrityOf(CDN_FILE)}" crossorigin="anonymous" defer></script>`;
/** A `<script>` tag of the README that loads this package from jsDelivr. */
const CDN_TAG = new RegExp(`<script\\b[^>]*\\bsrc="https://cdn\\.jsdelivr\\.net/npm/${manifest.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@[^"]*"[^>]*>`, 'g');

if (process.argv.includes('--snippet')) {
  console.log(snippet());
  process.exit(0);
}
if (process.argv.includes('--update-readme')) {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const count = text.match(CDN_TAG)?.length ?? 0;
  if (count === 0) {
    console.error('check-package: README.md has no jsDelivr <script> tag to update');
    process.exit(1);
  }
  writeFileSync(join(ROOT, 'README.md'), text.replace(CDN_TAG, snippet().replace(/<\/script>$/, '')));
  console.log(`check-package: README.md: ${count} CDN tag${count === 1 ? '' : 's'} now ${snippet()}`);
  process.exit(0);
}

const tarball = pack();
const files = new Set(tarball.files.map((file) => file.path));
const inTarball = (path) => files.has(packagePath(path));

// Required and forbidden files.
for (const name of REQUIRED) if (!files.has(name)) problem('required', `${name} is not in the tarball`);
for (const path of files) {
  const dir = FORBIDDEN_DIRS.find((prefix) => path.startsWith(prefix));
  if (dir) problem(`forbidden ${dir}`, `${path} is in the tarball (nothing from ${dir} should ship)`);
}

// Source maps: each names sources that ship (or carries them inline) and a generated file that ships.
let maps = 0;
for (const path of [...files].filter((name) => name.endsWith('.map')).sort()) {
  maps += 1;
  let map;
  try {
    map = JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  } catch (error) {
    problem('unreadable map', `${path} is not a readable source map (${error.message})`);
    continue;
  }
  const dir = posix.dirname(path);
  if (typeof map.file === 'string' && !inTarball(posix.join(dir, map.file))) problem('map without its file', `${path} maps ${posix.join(dir, map.file)}, which is not in the tarball`);
  const missing = (map.sources ?? []).filter((source, index) => {
    if (typeof map.sourcesContent?.[index] === 'string') return false; // Inline: needs no file.
    if (/^[a-z][a-z0-9+.-]*:/i.test(source)) return true; // A URL (webpack://…) is nothing in the tarball.
    return !inTarball(posix.join(dir, map.sourceRoot ?? '', source));
  });
  if (missing.length > 0) problem('map without its sources', `${path} points at ${missing.length} source(s) not in the tarball and not inline, e.g. ${posix.join(dir, map.sourceRoot ?? '', missing[0])}`);
}
// Generated files that name a map: the map must ship.
for (const path of [...files].filter((name) => /\.(?:js|mjs|cjs|d\.ts|css)$/.test(name))) {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const url = /[#@] sourceMappingURL=(\S+?)\s*(?:\*\/)?\s*$/.exec(text.slice(-500))?.[1];
  if (url && !url.startsWith('data:') && !inTarball(posix.join(posix.dirname(path), url))) problem('missing map', `${path} names the source map ${url}, which is not in the tarball`);
}

// The browser files are minified in full: a line break followed by indentation is a template the build
// left as written (a css`…` whose comment held an apostrophe did, until 3 December 2026).
for (const path of [...files].filter((name) => /^dist\/(?:mlo-widgets(?:\.bundle)?|chunks\/[^/]+)\.js$/.test(name))) {
  const lines = readFileSync(join(ROOT, path), 'utf8').match(/\n[ \t]{2,}\S/g)?.length ?? 0;
  if (lines > 0) problem('unminified', `${path} has ${lines} indented line(s): a template the build did not minify (scripts/minify-templates.mjs)`);
}

// Commands: npm publish rewrites a bin path it would normalise (`./bin/x.js`) and warns that it removed it;
// written as npm writes it, the command ships as declared. Each must ship, start with a shebang and be executable.
for (const [command, target] of Object.entries(typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {}))) {
  if (target !== posix.normalize(target) || target.startsWith('./')) problem('bin', `bin ${command} → ${target}: write it as npm normalises it (${posix.normalize(target)}), or npm publish drops it with a warning`);
  if (!inTarball(target)) {
    problem('bin', `bin ${command} → ${target} is not in the tarball`);
    continue;
  }
  if (!readFileSync(join(ROOT, target), 'utf8').startsWith('#!/usr/bin/env node')) problem('bin', `bin ${command} → ${target} does not start with #!/usr/bin/env node`);
  if ((statSync(join(ROOT, target)).mode & 0o111) === 0) problem('bin', `bin ${command} → ${target} is not executable`);
}

// Entry points: every exports target and entry field.
const targets = [];
const collectTargets = (value, where) => {
  if (typeof value === 'string') targets.push([where, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => collectTargets(item, `${where}[${index}]`));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) collectTargets(item, `${where}["${key}"]`);
};
collectTargets(manifest.exports, 'exports');
for (const field of ENTRY_FIELDS) if (typeof manifest[field] === 'string') targets.push([field, manifest[field]]);
for (const [where, target] of targets) {
  const found = target.includes('*') ? [...files].some((path) => patternRegExp(target).test(path)) : inTarball(target);
  if (!found) problem('entry', `${where} → ${target} is not in the tarball${files.has('package.json') && ![...files].some((path) => path.startsWith('dist/')) ? ' (nothing from dist/: run npm run build first)' : ''}`);
}

// sideEffects and files: each pattern names something that ships.
const sideEffects = Array.isArray(manifest.sideEffects) ? manifest.sideEffects : [];
for (const pattern of sideEffects) {
  if (![...files].some((path) => patternRegExp(pattern).test(path))) problem('sideEffects', `sideEffects lists ${pattern}, which matches nothing in the tarball`);
}
for (const entry of manifest.files ?? []) {
  const path = packagePath(entry).replace(/\/$/, '');
  const found = entry.includes('*') ? [...files].some((name) => patternRegExp(entry).test(name)) : files.has(path) || [...files].some((name) => name.startsWith(`${path}/`));
  if (!found) problem('files', `files lists ${entry}, which is not in the tarball`);
}

// custom-elements.json: the module paths editors and Storybook follow.
let manifestPaths = [];
let manifestReferences = 0;
let manifestDefinitions = 0;
const manifestFile = typeof manifest.customElements === 'string' ? packagePath(manifest.customElements) : 'custom-elements.json';
if (files.has(manifestFile)) {
  const elements = JSON.parse(readFileSync(join(ROOT, manifestFile), 'utf8'));
  manifestPaths = (elements.modules ?? []).map((module) => module.path).filter((path) => typeof path === 'string');
  if (manifestPaths.length === 0) problem('manifest', `${manifestFile} lists no modules`);
  for (const path of manifestPaths) if (!inTarball(path)) problem('manifest', `${manifestFile} modules[].path ${path} is not in the tarball`);
  // Every `module` the manifest names (a declaration's, a superclass's, an export's, a definition's).
  const references = moduleReferences(elements);
  for (const module of elements.modules ?? []) {
    for (const entry of module.exports ?? []) if (entry.kind === 'custom-element-definition') manifestDefinitions += 1;
  }
  manifestReferences = references.length;
  for (const [where, path] of references) if (!inTarball(path)) problem('manifest module', `${manifestFile}: ${where} names the module ${path}, which is not in the tarball`);
} else {
  problem('manifest', `${manifestFile} is not in the tarball (npm run analyze writes it)`);
}
/** Where the manifest's paths point, by extension under their common folder, e.g. "src/elements/…/*.ts ×5". */
const byExtension = new Map();
for (const path of manifestPaths) byExtension.set(posix.extname(path), [...(byExtension.get(posix.extname(path)) ?? []), path]);
const manifestSummary =
  [...byExtension]
    .map(([extension, paths]) => {
      let common = posix.dirname(paths[0]).split('/');
      for (const path of paths) {
        const dirs = posix.dirname(path).split('/');
        let shared = 0;
        while (shared < common.length && common[shared] === dirs[shared]) shared += 1;
        common = common.slice(0, shared);
      }
      return `${common.length > 0 ? `${common.join('/')}/` : ''}…/*${extension} ×${paths.length}`;
    })
    .join(', ') || 'none';
const shippedManifestPaths = manifestPaths.filter((path) => inTarball(path)).length;

// The README's CDN snippet: this version, a file that ships, its integrity hash.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const cdnTags = readme.match(CDN_TAG) ?? [];
if (cdnTags.length === 0) problem('README CDN', `README.md has no <script> tag loading ${cdnUrl(manifest.name, manifest.version, CDN_FILE)}`);
for (const tag of cdnTags) {
  const src = /\bsrc="([^"]+)"/.exec(tag)?.[1] ?? '';
  const [, version, path] = /@([^/]+)\/(.+)$/.exec(src) ?? [];
  const integrity = /\bintegrity="([^"]+)"/.exec(tag)?.[1];
  const fix = 'node scripts/check-package.mjs --update-readme writes the right tag';
  if (version !== manifest.version) problem('README CDN', `README.md loads ${src}: version ${version}, but package.json says ${manifest.version} (${fix})`);
  if (!path || !inTarball(path)) problem('README CDN', `README.md loads ${src}: ${path} is not in the tarball`);
  else if (integrity !== integrityOf(path)) problem('README CDN', `README.md loads ${path} with integrity="${integrity ?? ''}", but the built file's is ${integrityOf(path)} (${fix})`);
  if (!/\bcrossorigin="anonymous"/.test(tag)) problem('README CDN', `README.md loads ${src} without crossorigin="anonymous" (integrity needs a CORS request)`);
}

const EXAMPLES = 5;
let count = 0;
for (const texts of problems.values()) {
  count += texts.length;
  for (const text of texts.slice(0, EXAMPLES)) console.error(`check-package: ${text}`);
  if (texts.length > EXAMPLES) console.error(`check-package: … and ${texts.length - EXAMPLES} more like it`);
}
const verdict = count === 0 ? 'OK' : `${count} problem${count === 1 ? '' : 's'}`;
console.log(
  `check-package: ${verdict}: ${tarball.name}@${tarball.version}, ${tarball.entryCount} files, ${formatBytes(tarball.size)} packed, ${formatBytes(tarball.unpackedSize)} unpacked; ` +
    `${targets.length - targets.filter(([, target]) => !target.includes('*') && !inTarball(target)).length}/${targets.length} entry targets, ` +
    `${shippedManifestPaths}/${manifestPaths.length} custom-elements.json paths (${manifestSummary}) with ${manifestReferences} module references and ${manifestDefinitions} tag definitions, ` +
    `${maps} source maps, ${sideEffects.length} sideEffects patterns, ${cdnTags.length} README CDN tag${cdnTags.length === 1 ? '' : 's'} checked`,
);
process.exitCode = count === 0 ? 0 : 1;

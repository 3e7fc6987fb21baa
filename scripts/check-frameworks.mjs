#!/usr/bin/env node
/**
 * Type-checks the framework fixtures (fixtures/frameworks/: React 19, Vue 3, one element's entry)
 * against the PACKED package, as a user's project would see it (after `npm run build`; `npm test`
 * runs it after the build):
 *
 * 1. `npm pack --ignore-scripts` into a temporary folder (the build on disk, not rebuilt);
 * 2. each fixture copied there, the tarball extracted into its `node_modules/mlo-widgets`, and every
 *    other package linked from this repository's node_modules (react, @types/react, vue, lit, …), so
 *    nothing is installed and nothing is downloaded;
 * 3. `tsc` (React, element events) or `vue-tsc` (Vue) with the fixture's tsconfig.json must pass, and
 *    with its tsconfig.invalid.json must fail with exactly the errors its `expect TS…` comments name
 *    (each on the line after the comment), and no other.
 *
 *   node scripts/check-frameworks.mjs
 *
 * Prints one line per check; exits 1 when one fails. `CHECK_FRAMEWORKS_KEEP=1` keeps the temporary
 * folder (its path is printed) to run a compiler in it by hand.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_MODULES = join(ROOT, 'node_modules');
const FIXTURES = join(ROOT, 'fixtures', 'frameworks');
const COMPILERS = {
  tsc: join(NODE_MODULES, 'typescript', 'bin', 'tsc'),
  'vue-tsc': join(NODE_MODULES, 'vue-tsc', 'bin', 'vue-tsc.js'),
};
const CHECKS = [
  { fixture: 'react', compiler: 'tsc' },
  { fixture: 'vue', compiler: 'vue-tsc' },
  { fixture: 'element-events', compiler: 'tsc' },
];

if (!existsSync(join(ROOT, 'dist', 'types', 'react.d.ts'))) {
  console.error('check-frameworks: dist/types/react.d.ts is missing: run `npm run build` first.');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'mlo-widgets-frameworks-'));
let failures = 0;
const fail = (text) => {
  failures += 1;
  console.error(`check-frameworks: FAIL ${text}`);
};

/** The tarball `npm pack` would publish, in `work`. */
function pack() {
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  const [result] = JSON.parse(output);
  return join(work, result.filename);
}

/** A copy of the fixture with the tarball as its node_modules/mlo-widgets and the rest linked. */
function install(fixture, tarball) {
  const dir = join(work, fixture);
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  const modules = join(dir, 'node_modules');
  const own = join(modules, 'mlo-widgets');
  mkdirSync(own, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', own, '--strip-components=1']);
  for (const name of readdirSync(NODE_MODULES)) {
    if (name.startsWith('.') || name === 'mlo-widgets') continue;
    symlinkSync(join(NODE_MODULES, name), join(modules, name), process.platform === 'win32' ? 'junction' : 'dir');
  }
  return dir;
}

function compile(compiler, dir, project) {
  const result = spawnSync(process.execPath, [COMPILERS[compiler], '-p', join(dir, project), '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `expect TS2322` on line N of a file → an error TS2322 expected on line N + 1, as "file:line TS2322". */
function expectedErrors(dir, project) {
  const config = JSON.parse(readFileSync(join(dir, project), 'utf8'));
  const expected = new Set();
  for (const file of config.include ?? []) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      for (const match of line.matchAll(/\bexpect (TS\d+)\b/g)) expected.add(`${file}:${index + 2} ${match[1]}`);
    });
  }
  return expected;
}

/** tsc's `src/x.tsx(12,5): error TS2322: …` lines as "src/x.tsx:12 TS2322". */
function reportedErrors(output) {
  const reported = new Set();
  for (const match of output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+):/gm)) reported.add(`${match[1].replaceAll('\\', '/')}:${match[2]} ${match[3]}`);
  return reported;
}

try {
  const tarball = pack();
  for (const { fixture, compiler } of CHECKS) {
    const dir = install(fixture, tarball);

    const valid = compile(compiler, dir, 'tsconfig.json');
    if (valid.status === 0) console.log(`check-frameworks: ok   ${fixture}: ${compiler} passes against the packed package`);
    else fail(`${fixture}: ${compiler} -p tsconfig.json failed:\n${valid.output}`);

    const expected = expectedErrors(dir, 'tsconfig.invalid.json');
    const invalid = compile(compiler, dir, 'tsconfig.invalid.json');
    const reported = reportedErrors(invalid.output);
    const missing = [...expected].filter((error) => !reported.has(error));
    const unexpected = [...reported].filter((error) => !expected.has(error));
    if (expected.size === 0) fail(`${fixture}: tsconfig.invalid.json names no expected error`);
    else if (invalid.status === 0) fail(`${fixture}: tsconfig.invalid.json compiled, but ${expected.size} errors were expected`);
    else if (missing.length > 0 || unexpected.length > 0) {
      fail(`${fixture}: tsconfig.invalid.json: ${missing.length > 0 ? `expected but not reported: ${missing.join(', ')}; ` : ''}${unexpected.length > 0 ? `reported but not expected: ${unexpected.join(', ')}` : ''}\n${invalid.output}`);
    } else console.log(`check-frameworks: ok   ${fixture}: ${compiler} rejects tsconfig.invalid.json with exactly its ${expected.size} expected errors`);
  }
} finally {
  if (process.env.CHECK_FRAMEWORKS_KEEP) console.log(`check-frameworks: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`check-frameworks: ${failures === 0 ? 'OK' : `${failures} failed`}: ${CHECKS.length} fixtures against the packed package`);
process.exitCode = failures === 0 ? 0 : 1;

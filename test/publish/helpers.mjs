// Shared by the mlo-feed tests (node --test test/publish/, after `npm run build`: they run the compiled
// library in dist/lib/publish/ and the real command, bin/mlo-feed.js).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures', 'publish');
export const BIN = join(ROOT, 'bin', 'mlo-feed.js');

/** The compiled library; a clear message when the build is missing. */
export async function library() {
  try {
    return await import(new URL('../../dist/lib/publish/index.js', import.meta.url).href);
  } catch (error) {
    throw new Error(`dist/lib/publish/ is missing or broken: run npm run build first (${error.message})`);
  }
}

/** A fresh temporary folder, removed after the test. */
export function temporaryFolder(t) {
  const folder = mkdtempSync(join(tmpdir(), 'mlo-feed-test-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Runs `mlo-feed args…` and returns its exit code and output. */
export function cli(args, options = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `folder`: relative path → { hash, mtimeMs }. */
export function snapshot(folder) {
  const out = new Map();
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(folder, path).split(sep).join('/'), { hash: createHash('sha256').update(readFileSync(path)).digest('hex'), mtimeMs: statSync(path).mtimeMs });
    }
  };
  walk(folder);
  return out;
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every item of a feed chain, following next_url from `file` in `folder`. */
export function chainItems(folder, file) {
  const items = [];
  const pages = [];
  for (let name = file; name; ) {
    const page = readJson(join(folder, name));
    pages.push(name);
    items.push(...page.items);
    name = page.next_url;
  }
  return { items, pages };
}

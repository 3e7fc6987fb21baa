// The library's TypeScript sources imported into a Node script without a build (the benchmarks and the
// fixture writers): esbuild bundles the given re-exports in memory, and Node imports the result.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Imports `contents`, a module of re-exports written from the repository root
 * (`export { parseFeed } from './src/feed/parse.ts';`), bundled with everything it imports.
 */
export async function importSource(contents) {
  const bundled = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
}

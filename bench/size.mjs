// Prints the size of the script-tag bundle (raw, gzip, brotli) and of the npm build's entry points.
// Run after `npm run build`: `npm run bench:size`. A benchmark that prints figures, not a test.
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const bundle = 'dist/mlo-widgets.js';
if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run "npm run build" first.`);
  process.exit(1);
}

function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [[bundle, sizes(bundle)]];
const elementsDir = 'dist/lib/elements';
if (existsSync(elementsDir)) {
  for (const name of readdirSync(elementsDir)) {
    const file = join(elementsDir, name, `${name}.js`);
    if (existsSync(file) && statSync(file).isFile()) rows.push([file, sizes(file)]);
  }
}
console.log('| file | raw | gzip | brotli |');
console.log('| --- | ---: | ---: | ---: |');
for (const [file, s] of rows) console.log(`| ${file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);

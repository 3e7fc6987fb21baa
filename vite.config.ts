/**
 * Two jobs: `npm start` serves the demo (demo/index.html) from source, and `npm run build:bundle`
 * (`vite build`) writes the script-tag files:
 *
 * - `dist/chunks/`: every element's code as ES modules, one entry per tag (`chunks/mlo-news-list.js` …)
 *   plus the chunks they share (Lit, the feed layer) and the ones loaded later by dynamic `import()`
 *   (the search engine, the sanitiser, the Serbian messages): this build's own output.
 * - `dist/mlo-widgets.js`: the loader webmasters paste (src/loader/loader.ts), one small IIFE that works
 *   as a classic and as a module script and imports from dist/chunks/ only the tags the page uses; the
 *   list of files each tag needs is written into it (`__MLO_CHUNKS__`).
 * - `dist/mlo-widgets.bundle.js`: the single-file build (src/mlo-widgets.ts), every element and every
 *   dependency in one IIFE, for sites that pin every byte with Subresource Integrity.
 * - `dist/mlo-widgets.css`: the reservation stylesheet (src/loader/reserve.css), minified.
 *
 * Every build: Lit's production build, ES2022, minified, ASCII only, and the `css` and `html` template
 * literals minified (`minifyLitTemplates`, scripts/minify-templates.mjs). The npm ESM build (dist/lib) comes from `tsc -p tsconfig.build.json`.
 *
 * What is in each chunk: `MLO_CHUNK_STATS=1 npx vite build` prints every chunk's modules by rendered
 * size (rolldown's output stats); `npm run bench:size` prints what each kind of page downloads.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { transform as transformCss } from 'lightningcss';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/** The element entries: tag → its define module (which registers it and what it renders). */
const ENTRIES = {
  'mlo-news-list': 'src/elements/news-list/define.ts',
  'mlo-article-card': 'src/elements/article-card/define.ts',
  'mlo-breadcrumb': 'src/elements/breadcrumb/define.ts',
  'mlo-archive-search': 'src/elements/archive-search/define.ts',
  'mlo-office-contact': 'src/elements/office-contact/define.ts',
} as const;

/** Modules that may go into the one shared chunk (when two or more elements use them). */
const SHARED = /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|[\\/]src[\\/](feed|i18n|internal)[\\/]/;

/** Modules loaded on demand whose files the loader fetches early when the page needs them. */
const SERBIAN_TABLES = '/src/i18n/tables/serbian.ts';

/** Minifies the css`…` and html`…` templates of our TypeScript before it is compiled (scripts/minify-templates.mjs). */
function minifyLitTemplates(): Plugin {
  return {
    name: 'mlo-minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const minified = minifyTemplates(code, id);
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

/** Options every build shares. */
function common(): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyLitTemplates()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      // ASCII only: a partner page in another encoding (windows-1250 is common in Serbia) that loads the
      // script without charset="utf-8" must still read the Serbian strings right.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  };
}

/** A one-file IIFE build (the loader, or the single-file build). */
async function buildIife(entry: string, fileName: string, define: Record<string, string> = {}): Promise<void> {
  const base = common();
  await build({
    ...base,
    define,
    build: { ...base.build, lib: { entry, name: 'MloWidgets', formats: ['iife'], fileName: () => fileName } },
  });
}

/** What the loader needs: the files each tag (and the Serbian tables) needs, as indexes into one list. */
interface ChunkMap {
  files: string[];
  tags: Record<string, number[]>;
  serbian: number[];
  /** Per tag, the files its code may import later (dynamic imports: the search engine, the sanitiser); not for the loader. */
  later?: Record<string, number[]>;
}

/** After this build wrote dist/chunks/: the loader (with the chunk map), the single-file build, the CSS. */
function scriptTagFiles(): Plugin {
  let map: ChunkMap | undefined;
  return {
    name: 'mlo-script-tag-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      // The last build's chunks go (their names carry hashes), only once this one has succeeded.
      rmSync('dist/chunks', { recursive: true, force: true });
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const files: string[] = [];
      const index = (file: string): number => {
        if (!files.includes(file)) files.push(file);
        return files.indexOf(file);
      };
      // A chunk and every chunk it imports statically, itself first.
      const closure = (file: string, seen = new Set<string>()): number[] => {
        if (seen.has(file)) return [];
        seen.add(file);
        return [index(file), ...(byFile.get(file)?.imports ?? []).flatMap((child) => closure(child, seen))];
      };
      const tags: Record<string, number[]> = {};
      for (const chunk of chunks) if (chunk.isEntry) tags[chunk.name] = closure(chunk.fileName);
      const serbianChunk = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(SERBIAN_TABLES));
      map = { files, tags, serbian: serbianChunk ? closure(serbianChunk.fileName) : [] };
      // What each tag's code may import on demand, with what that imports, minus what it has already.
      const later: Record<string, number[]> = {};
      for (const [tag, loaded] of Object.entries(tags)) {
        const found = new Set<number>();
        const pending = loaded.flatMap((index) => byFile.get(files[index]!)?.dynamicImports ?? []);
        for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
          for (const index of closure(file)) {
            if (loaded.includes(index) || found.has(index)) continue;
            found.add(index);
            pending.push(...(byFile.get(files[index]!)?.dynamicImports ?? []));
          }
        }
        later[tag] = [...found];
      }
      if (process.env['MLO_CHUNK_STATS']) {
        for (const chunk of chunks) {
          console.log(`\n${chunk.fileName} ${chunk.code.length}`);
          for (const [id, info] of Object.entries(chunk.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength)) {
            if (info.renderedLength > 300) console.log(`  ${info.renderedLength}\t${id.replace(process.cwd(), '')}`);
          }
        }
      }
      this.emitFile({ type: 'asset', fileName: 'chunks/files.json', source: `${JSON.stringify({ ...map, later }, null, 2)}\n` });
    },
    async closeBundle() {
      if (!map) return;
      await buildIife('src/loader/loader.ts', 'mlo-widgets.js', { __MLO_CHUNKS__: JSON.stringify(map) });
      await buildIife('src/mlo-widgets.ts', 'mlo-widgets.bundle.js');
      const css = transformCss({ filename: 'reserve.css', code: readFileSync('src/loader/reserve.css'), minify: true });
      writeFileSync('dist/mlo-widgets.css', css.code);
    },
  };
}

export default defineConfig(({ command }) => {
  const base = common();
  return {
    root: '.',
    server: { open: '/demo/index.html' },
    plugins: command === 'build' ? [minifyLitTemplates(), scriptTagFiles()] : [],
    build: {
      ...base.build,
      lib: { entry: ENTRIES, formats: ['es'], fileName: (_format, name) => `chunks/${name}.js` },
      rolldownOptions: {
        output: {
          charset: 'ascii',
          // Vite's library mode leaves ES output unminified in its whitespace and keeps its comments (for
          // bundlers that tree-shake it again). These chunks are what browsers download: minified in full.
          minify: true,
          comments: false,
          chunkFileNames: 'chunks/[name]-[hash].js',
          // One shared chunk for what two or more elements use (Lit, the feed layer, the shared internals),
          // rather than a handful of tiny files each with its own request and compression overhead.
          // The sanitiser stays with the card, which alone uses it; the Serbian tables stay on demand, and
          // so does the transliteration (the Serbian tables' and the search's, in a file of its own).
          codeSplitting: { groups: [{ name: 'shared', minShareCount: 2, test: (id: string) => SHARED.test(id) && !/sanitize|[\\/]tables[\\/]|transliterate|serbian-latin/.test(id) }] },
        },
      },
    },
  };
});

/**
 * The built script-tag files (from `npm run build` or `npx vite build`), loaded the ways webmasters
 * load them: pages under test/bundle/pages/ opened in iframes, once with the loader dist/mlo-widgets.js
 * and once with the single-file build dist/mlo-widgets.bundle.js (the same pages, served with the other
 * script by test/loader/cdn-middleware.mjs).
 */
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { VERSION } from '../../src/version.js';
import { EXPECTED_TAGS } from './expected-tags.js';
import { BUILDS, openPage, settle, waitForText } from './frame.js';

/** The tags src/mlo-widgets.ts registers, read from its define imports (so a new element is checked too). */
async function entryTags(): Promise<string[]> {
  const source = await (await fetch('/src/mlo-widgets.ts')).text();
  return [...source.matchAll(/elements\/([a-z][a-z-]*)\/define\.js/g)].map((match) => `mlo-${match[1]}`);
}

const FIRST_TITLE = 'Chief of MLO Belgrade visits the Military Academy';

/** Reads a built file from disk, as published (the test server would serve it through its own transform). */
async function builtFile(path: string): Promise<string> {
  const text = await readFile({ path: `../../${path}` });
  expect(text, `${path} exists: run \`npm run build\` (or \`npx vite build\`) first`).to.be.a('string');
  return text!;
}

/** dist/chunks/files.json: every file of dist/chunks the loader may import. */
async function chunkFiles(): Promise<string[]> {
  return (JSON.parse(await builtFile('dist/chunks/files.json')) as { files: string[] }).files;
}

for (const build of BUILDS) {
  describe(`${build.file}: the file`, () => {
    let script: string;
    /** The script and, for the loader, every chunk beside it. */
    let shipped: Array<[string, string]>;
    before(async () => {
      script = await builtFile(build.file);
      shipped = [[build.file, script]];
      if (!build.singleFile) {
        for (const file of await chunkFiles()) shipped.push([`dist/${file}`, await builtFile(`dist/${file}`)]);
      }
    });

    it('is one script that runs as classic and as module script: no import or export statements', () => {
      expect(script).to.match(/^(\/\*[\s\S]*?\*\/\s*)?var MloWidgets\s*=/);
      for (const line of script.split('\n')) {
        expect(line, 'a line of the script').not.to.match(/^\s*(import|export)\s*[\s{*'"]/);
      }
    });

    it('carries Lit’s production build, not its development build', () => {
      for (const [file, text] of shipped) {
        expect(text, file).not.to.contain('lit/development');
        expect(text, file).not.to.contain('Lit is in dev mode');
        expect(text, file).not.to.contain('reactive-element/development');
      }
    });

    it('is ASCII only, so a page in another encoding (windows-1250) reads its Serbian strings right', () => {
      for (const [file, text] of shipped) {
        const nonAscii = text.match(/\P{ASCII}/gu) ?? [];
        expect(nonAscii.slice(0, 10).join(''), `non-ASCII characters in ${file}`).to.equal('');
      }
    });

    it('needs no eval under a CSP without unsafe-eval', () => {
      for (const [file, text] of shipped) expect(text, file).not.to.match(/\bnew Function\s*\(|\beval\s*\(/);
    });

    it('ships its styles minified: no CSS comments, no indented declarations', () => {
      for (const [file, text] of shipped) {
        // The CSS of the :host rule every element adopts, as written in src/internal/styles.ts, and minified.
        expect(text, file).not.to.match(/container-type: inline-size/);
        // A comment as our sources write one ("/* A card paints…", "/*\n * A size container…"); not the
        // "*/*" of an Accept header, a string the script holds.
        expect(text, file).not.to.match(/\/\*\s/);
        expect(text, file).not.to.match(/`\s*\n\s+:host \{/);
      }
      expect(
        shipped.some(([, text]) => text.includes('container-type:inline-size')),
        'the minified rule is there',
      ).to.equal(true);
    });
  });

  describe(`${build.name} on a page`, function () {
    this.timeout(20_000);
    const open = (name: string) => openPage(name, build.folder);

    it('registers the elements the page uses (the single-file build: all of them) as a classic script', async () => {
      const page = await open('classic.html');
      await waitForText(page.document.querySelector('mlo-news-list')!, FIRST_TITLE);
      expect(page.record.errors).to.deep.equal([]);
      // The list renders its items as cards: both are needed, and the loader loads nothing else.
      const expected = build.singleFile ? [...new Set([...EXPECTED_TAGS, ...(await entryTags())])] : ['mlo-news-list', 'mlo-article-card'];
      for (const tag of expected) {
        expect(page.window.customElements.get(tag), tag).to.be.a('function');
      }
      expect(
        page.record.defined.every((tag) => tag.startsWith('mlo-')),
        `defines only mlo- tags: ${page.record.defined.join(', ')}`,
      ).to.equal(true);
      expect([...page.record.defined].sort()).to.deep.equal([...expected].sort());
    });

    it('renders an element as a classic script', async () => {
      const page = await open('classic.html');
      await waitForText(page.document.querySelector('mlo-news-list')!, FIRST_TITLE);
      await settle();
      expect(page.record).to.deep.include({
        errors: [],
        warnings: [],
        violations: [],
      });
      expect((page.window as unknown as { MloWidgets?: { VERSION?: string } }).MloWidgets?.VERSION, 'the global of the classic script').to.equal(VERSION);
    });

    it('works as a module script', async () => {
      const page = await open('module.html');
      await waitForText(page.document.querySelector('mlo-news-list')!, FIRST_TITLE);
      for (const tag of build.singleFile ? EXPECTED_TAGS : ['mlo-news-list', 'mlo-article-card']) {
        expect(page.window.customElements.get(tag), tag).to.be.a('function');
      }
      await settle();
      expect(page.record).to.deep.include({
        errors: [],
        warnings: [],
        violations: [],
      });
    });

    it('loaded twice (classic and module) registers once, silently, and still works', async () => {
      const page = await open('twice.html');
      await waitForText(page.document.querySelector('mlo-news-list')!, FIRST_TITLE);
      await settle();
      expect(page.record.errors).to.deep.equal([]);
      expect(page.record.warnings, 'the same version twice is not worth a warning').to.deep.equal([]);
      expect(new Set(page.record.defined).size, 'each tag defined once').to.equal(page.record.defined.length);
      expect(page.window.customElements.get('mlo-news-list'), 'mlo-news-list').to.be.a('function');
    });

    it('after another version: keeps its definition, warns once, defines the rest', async () => {
      const page = await open('other-version.html');
      await waitForText(page.document.querySelector('mlo-article-card')!, FIRST_TITLE);
      await settle();
      expect(page.record.errors).to.deep.equal([]);
      const list = page.window.customElements.get('mlo-news-list') as unknown as { mloVersion?: string };
      expect(list.mloVersion, 'the first definition stays').to.equal('0.0.0-other');
      expect(page.record.warnings).to.have.length(1);
      expect(page.record.warnings[0]).to.contain(`mlo-widgets ${VERSION}`).and.to.contain('mlo-widgets 0.0.0-other');
      const rest = build.singleFile ? EXPECTED_TAGS.filter((tag) => tag !== 'mlo-news-list') : ['mlo-article-card'];
      for (const tag of rest) {
        expect((page.window.customElements.get(tag) as unknown as { mloVersion?: string } | undefined)?.mloVersion, tag).to.equal(VERSION);
      }
    });
  });
}

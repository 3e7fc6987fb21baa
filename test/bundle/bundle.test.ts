/**
 * The built script-tag bundle (dist/mlo-widgets.js, from `npm run build` or `npx vite build`), loaded
 * the ways webmasters load it: pages under test/bundle/pages/ opened in iframes.
 */
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { VERSION } from '../../src/version.js';
import { EXPECTED_TAGS } from './expected-tags.js';
import { openPage, settle, waitForText } from './frame.js';

/** The tags src/mlo-widgets.ts registers, read from its define imports (so a new element is checked too). */
async function entryTags(): Promise<string[]> {
  const source = await (await fetch('/src/mlo-widgets.ts')).text();
  return [...source.matchAll(/elements\/([a-z][a-z-]*)\/define\.js/g)].map((match) => `mlo-${match[1]}`);
}

const FIRST_TITLE = 'Chief of MLO Belgrade visits the Military Academy';

describe('dist/mlo-widgets.js: the file', () => {
  let bundle: string;
  before(async () => {
    // From disk, as published: the test server would serve it through its own transform.
    const text = await readFile({ path: '../../dist/mlo-widgets.js' });
    expect(text, 'dist/mlo-widgets.js exists: run `npm run build` (or `npx vite build`) first').to.be.a('string');
    bundle = text!;
  });

  it('is one self-contained script: no import or export statements', () => {
    expect(bundle).to.match(/^(\/\*[\s\S]*?\*\/\s*)?var MloWidgets\s*=/);
    for (const line of bundle.split('\n')) {
      expect(line, 'a line of the bundle').not.to.match(/^\s*(import|export)\s*[\s{*'"]/);
    }
  });

  it('carries Lit’s production build, not its development build', () => {
    expect(bundle).not.to.contain('lit/development');
    expect(bundle).not.to.contain('Lit is in dev mode');
    expect(bundle).not.to.contain('reactive-element/development');
  });

  it('is ASCII only, so a page in another encoding (windows-1250) reads its Serbian strings right', () => {
    const nonAscii = bundle.match(/\P{ASCII}/gu) ?? [];
    expect(nonAscii.slice(0, 10).join(''), 'non-ASCII characters in the bundle').to.equal('');
  });

  it('needs no eval under a CSP without unsafe-eval', () => {
    expect(bundle).not.to.match(/\bnew Function\s*\(|\beval\s*\(/);
  });
});

describe('dist/mlo-widgets.js on a page', function () {
  this.timeout(20_000);

  it('registers every element of src/mlo-widgets.ts, and every expected one, as a classic script', async () => {
    const page = await openPage('classic.html');
    expect(page.record.errors).to.deep.equal([]);
    for (const tag of await entryTags()) {
      expect(page.window.customElements.get(tag), `${tag} (from src/mlo-widgets.ts)`).to.be.a('function');
    }
    for (const tag of EXPECTED_TAGS) {
      expect(page.window.customElements.get(tag), tag).to.be.a('function');
    }
    expect(page.record.defined.every((tag) => tag.startsWith('mlo-')), `defines only mlo- tags: ${page.record.defined.join(', ')}`).to.equal(true);
    expect([...page.record.defined].sort()).to.deep.equal([...new Set([...EXPECTED_TAGS, ...(await entryTags())])].sort());
  });

  it('renders an element as a classic script', async () => {
    const page = await openPage('classic.html');
    await waitForText(page.document.querySelector('mlo-news-list')!, FIRST_TITLE);
    await settle();
    expect(page.record).to.deep.include({ errors: [], warnings: [], violations: [] });
    expect((page.window as unknown as { MloWidgets?: { VERSION?: string } }).MloWidgets?.VERSION, 'the global of the classic script').to.equal(VERSION);
  });

  it('works as a module script', async () => {
    const page = await openPage('module.html');
    for (const tag of EXPECTED_TAGS) {
      expect(page.window.customElements.get(tag), tag).to.be.a('function');
    }
    await waitForText(page.document.querySelector('mlo-news-list')!, FIRST_TITLE);
    await settle();
    expect(page.record).to.deep.include({ errors: [], warnings: [], violations: [] });
  });

  it('loaded twice (classic and module) registers once, silently, and still works', async () => {
    const page = await openPage('twice.html');
    await waitForText(page.document.querySelector('mlo-news-list')!, FIRST_TITLE);
    await settle();
    expect(page.record.errors).to.deep.equal([]);
    expect(page.record.warnings, 'the same version twice is not worth a warning').to.deep.equal([]);
    expect(new Set(page.record.defined).size, 'each tag defined once').to.equal(page.record.defined.length);
    for (const tag of EXPECTED_TAGS) {
      expect(page.window.customElements.get(tag), tag).to.be.a('function');
    }
  });

  it('after another version: keeps its definition, warns once, defines the rest', async () => {
    const page = await openPage('other-version.html');
    expect(page.record.errors).to.deep.equal([]);
    const list = page.window.customElements.get('mlo-news-list') as unknown as { mloVersion?: string };
    expect(list.mloVersion, 'the first definition stays').to.equal('0.0.0-other');
    expect(page.record.warnings).to.have.length(1);
    expect(page.record.warnings[0]).to.contain(`mlo-widgets ${VERSION}`).and.to.contain('mlo-widgets 0.0.0-other');
    for (const tag of EXPECTED_TAGS.filter((tag) => tag !== 'mlo-news-list')) {
      expect((page.window.customElements.get(tag) as unknown as { mloVersion?: string } | undefined)?.mloVersion, tag).to.equal(VERSION);
    }
    await waitForText(page.document.querySelector('mlo-article-card')!, FIRST_TITLE);
    await settle();
    expect(page.record.errors).to.deep.equal([]);
  });
});

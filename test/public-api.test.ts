/** The root entry exports what README "The package's API" lists, and nothing else. */
import { expect } from '@open-wc/testing';
import * as api from '../src/index.js';
import { ALL_TAGS } from '../src/internal/tags.js';

/** The backticked names at the start of each row of the README's API table. */
async function documentedNames(): Promise<string[]> {
  const readme = await (await fetch('/README.md')).text();
  const section = readme.split("### The package's API")[1]?.split(/\n#{2,3} /)[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Za-z]+)/g)].map((match) => match[1] ?? ''));
}

describe('the package entry (mlo-widgets)', () => {
  it('exports exactly the names the README documents', async () => {
    const documented = await documentedNames();
    expect(documented.length, 'the README API table was found').to.be.greaterThan(5);
    expect(Object.keys(api).sort()).to.deep.equal([...documented].sort());
  });

  it('names each element by the one tag list (src/internal/tags.ts), and the manifest agrees', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string; name: string }[] }[] };
    const documented = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
    expect(documented.map((declaration) => declaration.tagName).sort()).to.deep.equal([...ALL_TAGS].sort());
    for (const { tagName, name } of documented) expect(api[name as keyof typeof api], `${tagName} is ${name}`).to.be.a('function');
  });

  it('has no side effects: importing it registers nothing', () => {
    for (const tag of ALL_TAGS) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });
});

describe('isFeedError', () => {
  it('recognises a FeedError from another copy of the library on the page, where instanceof cannot', async () => {
    // The same module under another URL is a second instance: its own FeedError class, as a second bundle would have.
    const otherCopy = (await import(/* @vite-ignore */ `/src/feed/errors.ts?copy=${Date.now()}`)) as typeof import('../src/feed/errors.js');
    const foreign = new otherCopy.FeedError('timeout', 'No answer.');
    expect(otherCopy.FeedError).not.to.equal(api.FeedError);
    expect(foreign instanceof api.FeedError).to.equal(false);
    expect(api.isFeedError(foreign)).to.equal(true);
    expect(otherCopy.toFeedError(new api.FeedError('http', 'Gone', { status: 410 })).kind).to.equal('http');
  });

  it('is false for look-alikes and other errors', () => {
    expect(api.isFeedError(new Error('x'))).to.equal(false);
    expect(api.isFeedError({ name: 'FeedError', kind: 'network', message: 'x' })).to.equal(false);
    expect(api.isFeedError(null)).to.equal(false);
    expect(api.isFeedError(new api.FeedError('network', 'x'))).to.equal(true);
  });
});

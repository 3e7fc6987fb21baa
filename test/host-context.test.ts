import { expect } from '@open-wc/testing';
import { contextOf } from '../src/internal/host-context.js';

describe('contextOf', () => {
  const originalLang = document.documentElement.lang;
  let mounted: HTMLElement | undefined;
  /** Plain DOM, mounted directly: no rendering to wait for (a background tab may not paint). */
  function mount(markup: string): HTMLElement {
    const template = document.createElement('template');
    template.innerHTML = markup; // Test-authored markup only.
    mounted = template.content.firstElementChild as HTMLElement;
    document.body.append(mounted);
    return mounted;
  }
  afterEach(() => {
    document.documentElement.lang = originalLang;
    mounted?.remove();
  });

  it('reads the element’s own lang first, then the nearest ancestor’s', () => {
    const outer = mount('<div lang="sr-Latn"><p><span>text</span><span lang="en">text</span></p></div>');
    const [inherits, own] = outer.querySelectorAll('span');
    expect(contextOf(inherits!).lang).to.equal('sr-Latn');
    expect(contextOf(own!).lang).to.equal('en');
  });

  it('crosses shadow roots to the host’s ancestors', () => {
    const outer = mount('<section lang="sr-Cyrl"><div></div></section>');
    const host = outer.querySelector('div')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    const nestedHost = document.createElement('div');
    root.append(inner, nestedHost);
    const deepest = document.createElement('span');
    nestedHost.attachShadow({ mode: 'open' }).append(deepest);
    expect(contextOf(inner).lang).to.equal('sr-Cyrl');
    expect(contextOf(deepest).lang).to.equal('sr-Cyrl');
  });

  it('falls back to the document’s language, and to "" when there is none', () => {
    const outer = mount('<div><span></span></div>');
    document.documentElement.lang = 'sr-Latn';
    expect(contextOf(outer.querySelector('span')!).lang).to.equal('sr-Latn');
    document.documentElement.removeAttribute('lang');
    expect(contextOf(outer.querySelector('span')!).lang).to.equal('');
    expect(contextOf(document.createElement('span')).lang, 'a detached element').to.equal('');
  });

  it('finds the nearest theme in the same walk, across shadow roots, and none where no ancestor sets one', () => {
    const outer = mount('<div theme="dark"><section lang="sr-Latn" theme="light"><p></p></section><p theme="sepia"></p></div>');
    const [inLight, invalid] = outer.querySelectorAll('p');
    expect(contextOf(inLight!)).to.deep.equal({ lang: 'sr-Latn', theme: 'light' });
    expect(contextOf(invalid!).theme, 'an unknown theme is passed over').to.equal('dark');
    const host = document.createElement('div');
    outer.querySelector('section')!.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(contextOf(inner)).to.deep.equal({ lang: 'sr-Latn', theme: 'light' });
    outer.removeAttribute('theme');
    expect(contextOf(invalid!).theme).to.equal(undefined);
  });
});

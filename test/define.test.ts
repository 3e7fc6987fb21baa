import { expect } from '@open-wc/testing';
import { defineElement } from '../src/internal/define.js';
import { VERSION } from '../src/version.js';
import { nth } from './helpers/lists.js';

let tagCount = 0;
/** The registry cannot forget a tag, so every test defines its own. */
function freshTag(): string {
  tagCount += 1;
  return `mlo-define-test-${tagCount}`;
}

describe('defineElement', () => {
  const originalWarn = console.warn;
  let warnings: unknown[][];

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
    };
    // The "loaded twice" warning is once per page; each test plays a new page.
    Reflect.deleteProperty(globalThis, Symbol.for('mlo-widgets.version-warning'));
  });

  afterEach(() => {
    console.warn = originalWarn;
  });

  it('registers the element and marks it with the library version', () => {
    const tag = freshTag();
    class Element1 extends HTMLElement {}
    defineElement(tag, Element1);
    expect(customElements.get(tag)).to.equal(Element1);
    expect((Element1 as unknown as { mloVersion?: string }).mloVersion).to.equal(VERSION);
    expect(document.createElement(tag)).to.be.instanceOf(Element1);
  });

  it('does not throw, or warn, when the same element is defined twice', () => {
    const tag = freshTag();
    class Element1 extends HTMLElement {}
    defineElement(tag, Element1);
    expect(() => defineElement(tag, Element1)).not.to.throw();
    expect(customElements.get(tag)).to.equal(Element1);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first copy silently when the same version is loaded again (classic and module script)', () => {
    const tag = freshTag();
    class FirstCopy extends HTMLElement {}
    class SecondCopy extends HTMLElement {}
    defineElement(tag, FirstCopy);
    expect(() => defineElement(tag, SecondCopy)).not.to.throw();
    expect(customElements.get(tag)).to.equal(FirstCopy);
    expect(warnings).to.deep.equal([]);
  });

  it('warns exactly once, and keeps the first definition, when another version got there first', () => {
    const first = freshTag();
    const second = freshTag();
    class OtherVersionA extends HTMLElement {
      static mloVersion = '0.0.1';
    }
    class OtherVersionB extends HTMLElement {
      static mloVersion = '0.0.1';
    }
    customElements.define(first, OtherVersionA);
    customElements.define(second, OtherVersionB);
    class Ours extends HTMLElement {}
    class OursToo extends HTMLElement {}

    expect(() => defineElement(first, Ours)).not.to.throw();
    expect(() => defineElement(second, OursToo)).not.to.throw();

    expect(warnings).to.have.length(1);
    const message = String(nth(warnings, 0)[0]);
    expect(message).to.contain(`mlo-widgets ${VERSION}`).and.to.contain('mlo-widgets 0.0.1').and.to.contain(`<${first}>`);
    expect(customElements.get(first)).to.equal(OtherVersionA);
    expect(customElements.get(second)).to.equal(OtherVersionB);
  });

  it('names "another script" when the tag was taken by something that is not mlo-widgets', () => {
    const tag = freshTag();
    customElements.define(tag, class extends HTMLElement {});
    defineElement(tag, class extends HTMLElement {});
    expect(warnings).to.have.length(1);
    expect(String(nth(warnings, 0)[0])).to.contain('another script');
  });
});

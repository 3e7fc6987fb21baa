/**
 * Keyboard and mouse paths of mlo-archive-search. Keys are dispatched as KeyboardEvents on the box
 * rather than sent through the browser (sendKeys): the runner runs two test pages at once and only
 * one of them has the browser's focus, so real key presses would land in the other page. What the
 * browser itself does with a key (the caret for Home/End, clearing a search box on Escape) is checked
 * through `defaultPrevented`: the element must leave the first alone and stop the second.
 */
import { expect } from '@open-wc/testing';
import { examples } from '../fixtures/archive-search.js';
import type { ArticleSelectEvent } from '../src/events.js';
import { clearFeedCache } from '../src/feed/load.js';
import type { MloArchiveSearch } from '../src/elements/archive-search/archive-search.js';
import { announcement, combobox, listbox, optionTitles, options, renderIndexed, renderSearch, showIntent, typeQuery, until } from './archive-search-helpers.js';
import { gateFetch } from './helpers/fetch.js';

/** The element with "belgrade" typed and its results listed. */
async function withResults(): Promise<MloArchiveSearch> {
  const element = await renderIndexed({ ...examples.default, debounce: 0 });
  await typeQuery(element, 'belgrade');
  await until(() => options(element).length >= 2, 'expected at least two results');
  return element;
}

const activeId = (element: MloArchiveSearch) => combobox(element).getAttribute('aria-activedescendant');
const selected = (element: MloArchiveSearch) => options(element).filter((option) => option.getAttribute('aria-selected') === 'true').map((option) => option.id);

/** Presses a key in the box; returns false when the element stopped the browser's default action. */
async function press(element: MloArchiveSearch, key: string, options: KeyboardEventInit = {}): Promise<boolean> {
  const notPrevented = combobox(element).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...options }));
  await element.updateComplete;
  return notPrevented;
}

/** Stops any click that reaches the document from navigating the test page away. */
function keepPageHere(event: Event): void {
  event.preventDefault();
}

describe('mlo-archive-search: keyboard', () => {
  afterEach(() => clearFeedCache());

  it('moves through results with ArrowDown and ArrowUp, wrapping, with aria-activedescendant and aria-selected', async () => {
    const element = await withResults();
    const count = options(element).length;
    expect(activeId(element)).to.equal(null);
    expect(selected(element)).to.deep.equal([]);
    await press(element, 'ArrowDown');
    expect(activeId(element)).to.equal('option-0');
    expect(selected(element)).to.deep.equal(['option-0']);
    await press(element, 'ArrowDown');
    expect(activeId(element)).to.equal('option-1');
    expect(selected(element)).to.deep.equal(['option-1']);
    await press(element, 'ArrowUp');
    await press(element, 'ArrowUp');
    expect(activeId(element)).to.equal(`option-${count - 1}`);
    // Focus never leaves the box.
    expect(element.shadowRoot!.activeElement).to.equal(combobox(element));
  });

  it('Home and End are left to the box (they move the caret) and give the visual focus back to it', async () => {
    const element = await withResults();
    await press(element, 'ArrowDown');
    expect(activeId(element)).to.equal('option-0');
    expect(await press(element, 'Home')).to.equal(true);
    expect(activeId(element)).to.equal(null);
    await press(element, 'ArrowDown');
    expect(await press(element, 'End')).to.equal(true);
    expect(activeId(element)).to.equal(null);
    expect(await press(element, 'ArrowLeft')).to.equal(true);
  });

  it('Escape closes the list first, then clears the box, never letting the browser clear it at once', async () => {
    const element = await withResults();
    await press(element, 'ArrowDown');
    expect(await press(element, 'Escape')).to.equal(false);
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
    expect(listbox(element).hidden).to.equal(true);
    expect(activeId(element)).to.equal(null);
    expect(combobox(element).value).to.equal('belgrade');
    expect(await press(element, 'Escape')).to.equal(false);
    expect(combobox(element).value).to.equal('');
    expect(element.query).to.equal('');
    expect(announcement(element)).to.equal('');
  });

  it('ArrowDown and ArrowUp open a closed list on the first and the last result; Alt+ArrowDown only opens it', async () => {
    const element = await withResults();
    const count = options(element).length;
    await press(element, 'Escape');
    expect(await press(element, 'ArrowDown')).to.equal(false);
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
    expect(activeId(element)).to.equal('option-0');
    await press(element, 'Escape');
    await press(element, 'ArrowUp');
    expect(activeId(element)).to.equal(`option-${count - 1}`);
    await press(element, 'Escape');
    await press(element, 'ArrowDown', { altKey: true });
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
    expect(activeId(element)).to.equal(null);
  });

  it('a list closed with Escape stays closed while more pages are indexed', async () => {
    const page2 = gateFetch((url) => url.includes('search-page-2.json'));
    const { element, ready } = await renderSearch({ ...examples.paged, query: 'liaison' });
    await until(() => options(element).length === 1, 'page 1 was not searched');
    await press(element, 'Escape');
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
    page2.release();
    await ready;
    await element.updateComplete;
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('false');
    combobox(element).dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(combobox(element).getAttribute('aria-expanded')).to.equal('true');
  });

  it('Enter fires a cancelable mlo-article-select for the active result', async () => {
    const element = await withResults();
    const events: ArticleSelectEvent[] = [];
    const listener = (event: ArticleSelectEvent) => {
      events.push(event);
      event.preventDefault();
    };
    document.addEventListener('mlo-article-select', listener);
    try {
      await press(element, 'Enter'); // no active result: nothing happens
      expect(events).to.have.length(0);
      await press(element, 'ArrowDown');
      await press(element, 'ArrowDown');
      const expected = optionTitles(element)[1];
      await press(element, 'Enter');
      expect(events).to.have.length(1);
      expect(events[0]!.detail.item.title).to.equal(expected);
      expect(events[0]!.detail.url).to.equal(options(element)[1]!.getAttribute('href'));
      expect(events[0]!.cancelable).to.equal(true);
      expect(events[0]!.composed).to.equal(true);
    } finally {
      document.removeEventListener('mlo-article-select', listener);
    }
  });

  it('Enter follows the result’s link when nobody cancels', async () => {
    const before = location.href;
    const { element, ready } = await renderSearch({
      description: 'a result linking to a fragment of this page',
      debounce: 0,
      feed: {
        version: 'https://jsonfeed.org/version/1.1',
        items: [{ id: 'here', url: '#archive-search-followed', title: 'Followed result', date_published: '2024-01-01T00:00:00Z' }],
      },
    });
    await showIntent(element);
    await ready;
    try {
      await typeQuery(element, 'followed');
      await until(() => options(element).length === 1, 'no result');
      await press(element, 'ArrowDown');
      await press(element, 'Enter');
      await until(() => location.hash === '#archive-search-followed', 'the link was not followed');
    } finally {
      history.replaceState(history.state, '', before);
    }
  });
});

describe('mlo-archive-search: mouse', () => {
  afterEach(() => {
    clearFeedCache();
    document.removeEventListener('click', keepPageHere);
  });

  it('a click on a result fires mlo-article-select, and cancelling it keeps the link from opening', async () => {
    const element = await withResults();
    document.addEventListener('click', keepPageHere);
    const option = options(element)[0]!;
    let selectedItem: string | undefined;
    const onSelect = (event: ArticleSelectEvent) => {
      selectedItem = event.detail.item.title;
      event.preventDefault();
    };
    let clickWasPrevented: boolean | undefined;
    const onClick = (event: Event) => (clickWasPrevented = event.defaultPrevented);
    element.addEventListener('mlo-article-select', onSelect);
    element.addEventListener('click', onClick);
    option.click();
    expect(selectedItem).to.equal(optionTitles(element)[0]);
    expect(clickWasPrevented).to.equal(true);
  });

  it('a modifier click is left to the browser (new tab) and selects nothing', async () => {
    const element = await withResults();
    document.addEventListener('click', keepPageHere);
    const option = options(element)[0]!;
    let fired = false;
    element.addEventListener('mlo-article-select', () => (fired = true));
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey'] as const) {
      const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, [modifier]: true });
      let preventedByElement: boolean | undefined;
      element.addEventListener('click', (event) => (preventedByElement = event.defaultPrevented), { once: true });
      option.dispatchEvent(click);
      expect(preventedByElement, modifier).to.equal(false);
    }
    expect(fired).to.equal(false);
    expect(option.localName).to.equal('a');
    expect(option.getAttribute('href')).to.match(/^https:\/\/mlo\.example\//);
  });

  it('focus moving to a result keeps the list open; focus leaving the search closes it', async () => {
    const element = await withResults();
    const input = combobox(element);
    const focusout = (relatedTarget: EventTarget | null) =>
      input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true, relatedTarget }));
    focusout(options(element)[0]!);
    await element.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    focusout(document.body);
    await element.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
  });

  it('typing after moving through results starts over from the box', async () => {
    const element = await withResults();
    await press(element, 'ArrowDown');
    await typeQuery(element, 'stoltenberg');
    expect(activeId(element)).to.equal(null);
    expect(optionTitles(element)).to.deep.equal(['Stoltenberg meets students in Belgrade']);
  });
});

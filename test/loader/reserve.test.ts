/**
 * dist/mlo-widgets.css (src/loader/reserve.css) reserves, for each element not yet defined, exactly the
 * height its loading placeholder will have once its code has run, at every width: the same markup
 * measured in two blank pages, one with only the stylesheet (no script: every element undefined), one
 * with the single-file build whose feeds never answer (every element showing its placeholder). A full
 * article's is the reader's first screen (`--mlo-article-placeholder-height`, 100svh by default).
 * Needs the built files (`npm run build` or `npx vite build`).
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';

const ELEMENTS = [
  ...['list', 'headlines', 'grid'].flatMap((layout) =>
    ['1', '2', '3', '5', '7', ''].map((limit) => `<mlo-news-list src="/never.json" layout="${layout}"${limit ? ` limit="${limit}"` : ''}></mlo-news-list>`),
  ),
  '<mlo-article-card src="/never.json" article-id="x"></mlo-article-card>',
  '<mlo-article-card variant="full" src="/never.json" article-id="x"></mlo-article-card>',
  '<mlo-breadcrumb><a href="/">MLO Belgrade</a><a href="/newsroom/">Newsroom</a><span>News Archive</span></mlo-breadcrumb>',
  '<mlo-office-contact></mlo-office-contact>',
  '<mlo-archive-search src="/never.json"></mlo-archive-search>',
];
const WIDTHS = [280, 360, 520, 600, 820, 1100, 1500];

/** A blank page of this server in an iframe of `width` × 600 px, loaded: its `<head>` and `<body>` as given. */
async function openFrame(width: number, head: string, body: string): Promise<{ frame: HTMLIFrameElement; page: Window & typeof globalThis }> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '600px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><base href="${location.origin}/">${head}</head><body style="margin:0">${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { frame, page: frame.contentWindow as Window & typeof globalThis };
}

/** The height of every element, at every width, in a blank page with `head`. */
async function heights(head: string): Promise<number[]> {
  const body = WIDTHS.map((width) => ELEMENTS.map((element) => `<div style="width:${width}px">${element}</div>`).join('')).join('');
  const { frame, page } = await openFrame(1600, `<link rel="stylesheet" href="/dist/mlo-widgets.css">${head}`, body);
  if (head) await waitUntil(() => ['mlo-news-list', 'mlo-office-contact'].every((tag) => page.customElements.get(tag)), 'the build ran', { timeout: 5000 });
  await aTimeout(300);
  const result = Array.from(frame.contentDocument!.body.children, (box) => box.firstElementChild!.getBoundingClientRect().height);
  frame.remove();
  return result;
}

describe('dist/mlo-widgets.css: the room reserved before the code arrives', function () {
  this.timeout(30_000);

  it('equals each element’s placeholder height, for every layout and limit, at 280–1500 px', async () => {
    const reserved = await heights('');
    // Feeds that never answer: the placeholders stay.
    const placeholders = await heights('<script>window.fetch = () => new Promise(() => {});</script><script src="/dist/mlo-widgets.bundle.js"></script>');
    expect(reserved.every((height) => height > 20), 'every element is given room').to.equal(true);
    const differences: string[] = [];
    WIDTHS.forEach((width, row) =>
      ELEMENTS.forEach((element, column) => {
        const index = row * ELEMENTS.length + column;
        if (Math.abs(reserved[index]! - placeholders[index]!) > 0.5) differences.push(`${width}px ${element.slice(0, 70)}: reserved ${reserved[index]}, placeholder ${placeholders[index]}`);
      }),
    );
    expect(differences).to.deep.equal([]);
  });

  it('gives a full article the reader’s first screen (the frame is 600 px tall), so what follows it is off-screen', async () => {
    const reserved = await heights('');
    const full = ELEMENTS.findIndex((element) => element.includes('variant="full"'));
    const teaser = ELEMENTS.findIndex((element) => element.startsWith('<mlo-article-card') && !element.includes('variant'));
    expect(WIDTHS.map((_, row) => Math.round(reserved[row * ELEMENTS.length + full]!))).to.deep.equal(WIDTHS.map(() => 600));
    // Only the full article: a teaser keeps its own height.
    expect(WIDTHS.every((_, row) => reserved[row * ELEMENTS.length + teaser]! < 600)).to.equal(true);
  });
});

/**
 * On a busy page, first renders are spread over tasks (src/internal/render-slices.ts): an element whose first
 * render waits is in the `pending` custom state, which the stylesheet sizes as it sizes an element not yet
 * defined. Checked in every frame: each card is either rendered or pending, and never without its room.
 */
async function framesWhileRendering(head: string, count: number): Promise<{ mostPending: number; smallest: number; framesSeen: number; finallyPending: number; rendered: number }> {
  const { frame, page } = await openFrame(
    900,
    `${head}<script>window.fetch = () => new Promise(() => {});</script><script src="/dist/mlo-widgets.bundle.js"></script>`,
    '<div id="stage" style="width:600px"></div>',
  );
  await waitUntil(() => page.customElements.get('mlo-article-card'), 'the build ran', { timeout: 5000 });
  const stage = page.document.getElementById('stage')!;
  const cards = Array.from({ length: count }, (_, index) => {
    const card = page.document.createElement('mlo-article-card');
    card.setAttribute('src', '/never.json');
    card.setAttribute('article-id', `item-${index}`);
    return card;
  });
  stage.append(...cards);
  let mostPending = 0;
  let smallest = Infinity;
  let framesSeen = 0;
  const isRendered = (card: Element) => (card.shadowRoot?.childElementCount ?? 0) > 0;
  for (let quiet = 0; quiet < 3 && framesSeen < 600; framesSeen += 1) {
    await new Promise((resolve) => page.requestAnimationFrame(resolve));
    const pending = stage.querySelectorAll(':state(pending)').length;
    mostPending = Math.max(mostPending, pending);
    for (const card of cards) smallest = Math.min(smallest, card.getBoundingClientRect().height);
    quiet = pending === 0 && cards.every(isRendered) ? quiet + 1 : 0;
  }
  const result = { mostPending, smallest, framesSeen, finallyPending: stage.querySelectorAll(':state(pending)').length, rendered: cards.filter(isRendered).length };
  frame.remove();
  return result;
}

describe('first renders spread over tasks keep their room', function () {
  this.timeout(30_000);

  it('with the stylesheet: cards wait in the pending state at their reserved height, then all render', async () => {
    const seen = await framesWhileRendering('<link rel="stylesheet" href="/dist/mlo-widgets.css">', 300);
    expect(seen.mostPending, 'some first renders waited for a later task').to.be.greaterThan(0);
    expect(seen.smallest, 'no card was ever shown without its room').to.be.greaterThan(100);
    expect(seen.rendered).to.equal(300);
    expect(seen.finallyPending).to.equal(0);
  });

  it('without it: nothing holds the room, so every first render runs at once', async () => {
    const seen = await framesWhileRendering('', 300);
    expect(seen.mostPending).to.equal(0);
    expect(seen.rendered).to.equal(300);
    expect(seen.smallest, 'each card painted first at its placeholder height').to.be.greaterThan(100);
  });
});

/**
 * A list whose feed is there before it renders (given as data) would build all its cards in one task: while the
 * stylesheet holds its room, it stays `pending` (its reserved height, its content hidden) and its cards render
 * in slices of their own; the page then sees it once, whole. Checked in every frame.
 */
async function listFramesWhileRendering(head: string, count: number): Promise<{ mostPending: number; cardsInSlices: number; partial: number; shrunk: number; rendered: number; finallyPending: number }> {
  const { frame, page } = await openFrame(900, `${head}<script src="/dist/mlo-widgets.bundle.js"></script>`, '<div id="stage" style="width:600px"></div>');
  await waitUntil(() => page.customElements.get('mlo-news-list'), 'the build ran', { timeout: 5000 });
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'News',
    // More than the default limit of ten: Load more shows, as the reservation expects.
    items: Array.from({ length: 12 }, (_, index) => ({ id: `item-${index}`, url: `https://example.org/${index}`, title: `Item ${index}`, summary: 'A summary.', date_published: `2024-01-${String(index + 1).padStart(2, '0')}T10:00:00Z` })),
  };
  const stage = page.document.getElementById('stage')!;
  const lists = Array.from({ length: count }, () => {
    const list = page.document.createElement('mlo-news-list') as HTMLElement & { feed: unknown };
    list.setAttribute('layout', 'headlines');
    list.feed = feed;
    return list;
  });
  stage.append(...lists);
  const cardsOf = (list: Element) => [...(list.shadowRoot?.querySelectorAll('mlo-article-card') ?? [])];
  const whole = (list: Element) => cardsOf(list).length === 10 && cardsOf(list).every((card) => (card.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? '').includes('Item'));
  let mostPending = 0;
  let partial = 0;
  let cardsInSlices = 0;
  let shrunk = 0;
  const heights = new Map<Element, number>();
  for (let quiet = 0, frames = 0; quiet < 3 && frames < 600; frames += 1) {
    await new Promise((resolve) => page.requestAnimationFrame(resolve));
    const pending = lists.filter((list) => list.matches(':state(pending)'));
    mostPending = Math.max(mostPending, pending.length);
    for (const list of lists) {
      // Shown (not pending) means whole; and no list ever gets shorter than it was painted.
      if (!list.matches(':state(pending)') && !whole(list)) partial += 1;
      // Held with its cards there but not all drawn: they render in tasks after the list's own.
      if (list.matches(':state(pending)') && cardsOf(list).length > 0 && !whole(list)) cardsInSlices += 1;
      const height = list.getBoundingClientRect().height;
      if (height < (heights.get(list) ?? 0) - 1) shrunk += 1;
      heights.set(list, height);
    }
    quiet = pending.length === 0 && lists.every(whole) ? quiet + 1 : 0;
  }
  const result = { mostPending, cardsInSlices, partial, shrunk, rendered: lists.filter(whole).length, finallyPending: lists.filter((list) => list.matches(':state(pending)')).length };
  frame.remove();
  return result;
}

describe('a list with its feed already there holds its room while its cards render', function () {
  this.timeout(30_000);

  it('with the stylesheet: pending at its reserved height, then shown whole', async () => {
    const seen = await listFramesWhileRendering('<link rel="stylesheet" href="/dist/mlo-widgets.css">', 40);
    expect(seen.mostPending, 'some lists waited').to.be.greaterThan(0);
    expect(seen.cardsInSlices, 'frames in which a held list’s cards were still rendering').to.be.greaterThan(0);
    expect(seen.partial, 'frames that showed a list with cards still missing').to.equal(0);
    expect(seen.shrunk, 'frames in which a list got shorter').to.equal(0);
    expect(seen.rendered).to.equal(40);
    expect(seen.finallyPending).to.equal(0);
  });

  it('without it: nothing holds the room, and every list is whole in its first frame', async () => {
    const seen = await listFramesWhileRendering('', 40);
    expect(seen.mostPending).to.equal(0);
    expect(seen.cardsInSlices).to.equal(0);
    expect(seen.partial).to.equal(0);
    expect(seen.rendered).to.equal(40);
  });
});

/**
 * Through the loader, a list waits for <mlo-article-card> to be registered in a task of its own (news-list.ts,
 * `registerCards`), its room held meanwhile: in no frame is it shown with a placeholder card not yet drawn.
 */
describe('a list registering its cards through the loader keeps its room', function () {
  this.timeout(30_000);

  it('is pending, or shown with every placeholder card drawn, in every frame', async () => {
    const { frame, page } = await openFrame(
      900,
      '<link rel="stylesheet" href="/dist/mlo-widgets.css"><script>window.fetch = () => new Promise(() => {});</script><script src="/dist/mlo-widgets.js"></script>',
      `<div style="width:600px">${Array.from({ length: 40 }, () => '<mlo-news-list src="/never.json" layout="headlines" limit="5"></mlo-news-list>').join('')}</div>`,
    );
    const lists = [...page.document.querySelectorAll('mlo-news-list')];
    const reserved = lists[0]!.getBoundingClientRect().height;
    const drawn = (list: Element) => {
      const cards = [...(list.shadowRoot?.querySelectorAll('mlo-article-card') ?? [])];
      return cards.length === 5 && cards.every((card) => card.getBoundingClientRect().height > 0);
    };
    let bare = 0;
    let shorter = 0;
    let quiet = 0;
    for (let frames = 0; quiet < 3 && frames < 900; frames += 1) {
      await new Promise((resolve) => page.requestAnimationFrame(resolve));
      for (const list of lists) {
        const shown = page.customElements.get('mlo-news-list') !== undefined && !list.matches(':state(pending)');
        if (shown && !drawn(list)) bare += 1;
        if (list.getBoundingClientRect().height < reserved - 1) shorter += 1;
      }
      quiet = lists.every(drawn) && lists.every((list) => !list.matches(':state(pending)')) ? quiet + 1 : 0;
    }
    frame.remove();
    expect(quiet, 'every list drew its placeholder').to.equal(3);
    expect(bare, 'frames that showed a list with a card not drawn').to.equal(0);
    expect(shorter, 'frames in which a list was shorter than its room').to.equal(0);
  });
});

/**
 * The "loading" example of every element, as its story shows it: while the feed has not answered,
 * a placeholder marked busy (never a blank box, never an alert), accessible.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { examples as archiveSearch, renderArchiveSearchExample } from '../fixtures/archive-search.js';
import { examples as articleCard, renderArticleCardExample } from '../fixtures/article-card.js';
import { examples as breadcrumb, renderBreadcrumbExample } from '../fixtures/breadcrumb.js';
import { examples as newsList, renderNewsListExample } from '../fixtures/news-list.js';
import { examples as officeContact, renderOfficeContactExample } from '../fixtures/office-contact.js';
import { holdPendingRequests } from '../fixtures/pending.js';
import { clearFeedCache } from '../src/feed/load.js';
import '../src/mlo-widgets.js';
import { mount } from './helpers/mount.js';

const loadingExamples: ReadonlyArray<[tag: string, template: TemplateResult]> = [
  ['mlo-news-list', renderNewsListExample(newsList.loading)],
  ['mlo-article-card', renderArticleCardExample(articleCard.loading)],
  ['mlo-breadcrumb', renderBreadcrumbExample(breadcrumb.loading)],
  ['mlo-office-contact', renderOfficeContactExample(officeContact.loading)],
  ['mlo-archive-search', renderArchiveSearchExample(archiveSearch.loading)],
];

/** Every element under `root`, inside shadow roots too. */
function deepElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [element, ...(element.shadowRoot ? deepElements(element.shadowRoot) : [])]);
}

describe('loading examples', () => {
  let release: () => void;
  beforeEach(() => {
    release = holdPendingRequests();
  });
  afterEach(() => {
    release();
    clearFeedCache();
  });

  for (const [tag, template] of loadingExamples) {
    it(`${tag}: shows a busy placeholder while the feed has not answered`, async () => {
      const frame = mount(template);
      const element = frame.localName === tag ? frame : frame.querySelector(tag)!;
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      // Still loading a moment later: the request is held open.
      await aTimeout(150);
      const inside = deepElements(element.shadowRoot!);
      const parts = inside.flatMap((node) => (node.getAttribute('part') ?? '').split(/\s+/)).filter(Boolean);
      expect(parts.filter((part) => ['skeleton', 'loading', 'progress'].includes(part)), 'a placeholder or a loading note').not.to.have.lengthOf(0);
      expect(inside.some((node) => node.getAttribute('role') === 'alert'), 'no alert while loading').to.equal(false);
      await waitUntil(() => element.getBoundingClientRect().height > 0, 'the placeholder takes room (no blank box)');
      await expect(element).to.be.accessible();
    });
  }
});

/**
 * Both script-tag builds (the loader and the single-file build) under the strict Content Security
 * Policy a partner page may enforce: scripts and styles from the page's own origin only, and Trusted
 * Types for every script-capable DOM sink (`require-trusted-types-for 'script'`, with an allow-list
 * of policy names).
 */
import { expect } from '@open-wc/testing';
import { BUILDS, type OpenedPage, openPage, settle, shadowText, waitForText } from './frame.js';

/** What each element on strict-csp.html must show once loaded. */
const EXPECTED_TEXT: Record<string, string> = {
  'mlo-news-list': 'Chief of MLO Belgrade visits the Military Academy',
  'mlo-article-card': 'Civil emergency exercise concludes in Šabac',
  'mlo-breadcrumb': 'Newsroom',
  'mlo-archive-search': 'Search our content',
  'mlo-office-contact': 'Bircaninova 5',
};

/** The real article of jsonfeed-org-1.0.json, shown in full. */
const ARTICLE_TEXT = 'So we developed JSON Feed, a format similar to RSS and Atom but in JSON.';

async function waitForEveryElement(page: OpenedPage): Promise<void> {
  for (const [tag, text] of Object.entries(EXPECTED_TEXT)) {
    // The loader imports each element's code when it sees the tag: defined a moment later.
    await page.window.customElements.whenDefined(tag);
    await waitForText(page.document.querySelector(tag)!, text);
  }
}

/** Every element in a shadow tree and in the shadow trees inside it. */
function deepElements(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('*')).flatMap((element) => [element, ...(element.shadowRoot ? deepElements(element.shadowRoot) : [])]);
}

for (const build of BUILDS) {
  describe(`strict CSP with Trusted Types: ${build.name}`, function () {
    // Five elements, each given up to 5 s to load.
    this.timeout(30_000);

    it('renders all five elements with no violation and no error', async () => {
      const page = await openPage('strict-csp.html', build.folder);
      await waitForEveryElement(page);
      await settle();
      expect(page.record.violations).to.deep.equal([]);
      expect(page.record.errors).to.deep.equal([]);
    });

    it('writes JSON-LD through the mlo-widgets Trusted Types policy', async () => {
      const page = await openPage('strict-csp.html', build.folder);
      await waitForEveryElement(page);
      for (const tag of ['mlo-breadcrumb', 'mlo-office-contact']) {
        const script = page.document.querySelector(`${tag} > script[type="application/ld+json"]`);
        expect(script, `${tag} wrote JSON-LD`).not.to.equal(null);
        expect(() => {
          JSON.parse(script!.textContent);
        }, tag).not.to.throw();
      }
      await settle();
      expect(page.record.violations).to.deep.equal([]);
    });

    it('the mlo-widgets policy blesses only escaped JSON, not any script', async () => {
      const page = await openPage('strict-csp.html', build.folder);
      await waitForText(page.document.querySelector('mlo-breadcrumb')!, 'Newsroom');
      const policy = (page.window as unknown as Record<symbol, { createScript(input: string): unknown } | null>)[
        Symbol.for('mlo-widgets.trusted-types-policy')
      ];
      expect(typeof policy?.createScript, 'the policy exists once JSON-LD was written').to.equal('function');
      expect(String(policy!.createScript('{"@type":"BreadcrumbList","name":"\\u003cb\\u003e"}'))).to.contain('BreadcrumbList');
      for (const script of ['alert(1)', '{"name":"</script><script>alert(1)</script>"}', '{"a":1} && alert(1)']) {
        expect(() => policy!.createScript(script), script).to.throw();
      }
    });

    it('renders a full article body with no violation when the CSP allows DOMPurify’s policy', async () => {
      const page = await openPage('strict-csp-article.html', build.folder);
      const card = page.document.querySelector('mlo-article-card')!;
      await waitForText(card, ARTICLE_TEXT);
      const links = deepElements(card.shadowRoot!).filter((element) => element.localName === 'a');
      expect(
        links.map((link) => link.getAttribute('href')),
        'the body is rendered as markup, not as text',
      ).to.include('https://jsonfeed.org/version/1');
      await settle();
      expect(page.record.violations).to.deep.equal([]);
      expect(page.record.errors).to.deep.equal([]);
    });

    it('falls back to the article’s text when the CSP does not allow DOMPurify’s policy', async () => {
      const page = await openPage('strict-csp-article-without-dompurify.html', build.folder);
      const card = page.document.querySelector('mlo-article-card')!;
      await waitForText(card, ARTICLE_TEXT);
      await settle();
      expect(page.record.errors.filter((error) => !/dompurify/i.test(error))).to.deep.equal([]);
      expect(page.record.violations.length, 'the refused policy is reported').to.be.greaterThan(0);
      // Only the refusal of DOMPurify's policy, and then of its parse without one: the sink stayed shut.
      const policyRefused = page.record.violations.filter((violation) => violation.directive === 'trusted-types');
      expect(policyRefused.map((violation) => violation.sample)).to.deep.equal(['dompurify']);
      for (const violation of page.record.violations.filter((violation) => violation.directive !== 'trusted-types')) {
        expect(violation, JSON.stringify(violation)).to.include({
          directive: 'require-trusted-types-for',
          blocked: 'trusted-types-sink',
        });
        expect(violation.sample, JSON.stringify(violation)).to.match(/^(DOMParser parseFromString|Element innerHTML)\|/);
      }
      const links = deepElements(card.shadowRoot!).filter(
        (element) => element.localName === 'a' && element.getAttribute('href') === 'https://jsonfeed.org/version/1',
      );
      expect(links, 'the body is shown as text, without its links').to.deep.equal([]);
    });

    it('keeps the hostile feed inert: nothing script-capable rendered, and the CSP only blocks inline markup while parsing', async () => {
      const page = await openPage('strict-csp-hostile.html', build.folder);
      const card = page.document.querySelector('mlo-article-card')!;
      await waitForText(card, 'Paragraph with onclick and style.');
      await waitForText(card, '<img src=x onerror=alert(1)>Title');
      await waitForText(page.document.querySelector('mlo-news-list')!, 'Item whose id is markup');
      await settle();

      const elements = [card, page.document.querySelector('mlo-news-list')!].flatMap((host) => deepElements(host.shadowRoot!));
      expect(elements.length).to.be.greaterThan(10);
      for (const element of elements) {
        expect(element.localName, 'element kind').not.to.be.oneOf([
          'script',
          'iframe',
          'object',
          'embed',
          'form',
          'input',
          'base',
          'meta',
          'link',
          'style',
          'svg',
          'math',
          'noscript',
        ]);
        for (const attribute of Array.from(element.attributes)) {
          expect(attribute.name, `<${element.localName}> attribute`).not.to.match(/^on|^style$|^srcdoc$|^formaction$/);
          if (['href', 'src', 'action', 'poster', 'xlink:href'].includes(attribute.name)) {
            expect(new URL(attribute.value, page.document.baseURI).protocol, `<${element.localName} ${attribute.name}="${attribute.value}">`).to.be.oneOf([
              'http:',
              'https:',
            ]);
          }
        }
      }
      expect(page.record.errors).to.deep.equal([]);
      // Chromium reports inline handlers and styles of the content as soon as it is parsed, even into the
      // sanitiser's inert document: blocked, never run. Anything else (a script, a Trusted Types sink) is a leak.
      for (const violation of page.record.violations) {
        expect(violation.directive, JSON.stringify(violation)).to.be.oneOf(['script-src-attr', 'style-src-attr', 'style-src-elem']);
        expect(violation.blocked, JSON.stringify(violation)).to.equal('inline');
      }
      expect(shadowText(card)).not.to.contain('undefined');
    });
  });
}

import { assert, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { clearFeedCache } from '../src/feed/load.js';
import type { MloOfficeContact } from '../src/elements/office-contact/office-contact.js';
import type { FeedErrorEvent } from '../src/events.js';
import '../src/elements/office-contact/define.js';
import { examples, renderOfficeContactExample, type OfficeContactExample } from '../fixtures/office-contact.js';
import { failFirstFetch, gateFetch, realFetch, requestUrl, stubFetch } from './helpers/fetch.js';
import { mount } from './helpers/mount.js';
import { nth, take } from './helpers/lists.js';

/** The contact block of the source page, unit by unit, line by line. */
const SOURCE_PAGE_UNITS = [
  ['NATO Military Liaison Office', 'Bircaninova 5', 'Ministry of Defense Building', '11000 Belgrade'],
  ['Media Operations', 'Public Affairs Office', 'Bircaninova 5', '11000 Belgrade'],
];

interface JsonLdOffice {
  '@type': string;
  name: string;
  url?: string;
  address?: Record<string, string>;
  telephone?: string;
  email?: string;
  hasMap?: string;
  department?: JsonLdOffice[];
  description?: string;
}


async function settled(el: MloOfficeContact): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('[part~="loading"]'), 'the contact never finished loading', { timeout: 5000 });
  await el.updateComplete;
}

async function renderExample(example: OfficeContactExample): Promise<MloOfficeContact> {
  const frame = mount(renderOfficeContactExample(example));
  const el = frame.querySelector('mlo-office-contact')!;
  await settled(el);
  return el;
}

function units(el: MloOfficeContact): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="unit"]')];
}

/** A unit as a reader sees it: its heading, then each line of its address. */
function unitLines(unit: HTMLElement): string[] {
  const heading = unit.querySelector('h1, h2, h3, h4, h5, h6')!.textContent.trim();
  const lines = [...unit.querySelectorAll('address .address__line')].map((line) => line.textContent.trim());
  return [heading, ...lines];
}

function groupName(unit: HTMLElement): string {
  const root = unit.getRootNode() as ShadowRoot;
  return unit.getAttribute('aria-labelledby')!.split(/\s+/).map((id) => root.getElementById(id)!.textContent.trim()).join(' ');
}

interface OfficeJsonLd {
  '@context': string;
  '@graph': JsonLdOffice[];
}

function jsonLd(el: MloOfficeContact): OfficeJsonLd | undefined {
  const script = el.querySelector(':scope > script[type="application/ld+json"][data-mlo-json-ld]');
  return script ? (JSON.parse(script.textContent) as OfficeJsonLd) : undefined;
}

function withClipboard(clipboard: unknown): () => void {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  return () => {
    delete (navigator as unknown as Record<string, unknown>).clipboard;
  };
}

describe('mlo-office-contact', () => {
  afterEach(() => clearFeedCache());

  describe('with no attributes', () => {
    it("shows MLO Belgrade's contact exactly as the source page does", async () => {
      const el = await renderExample(examples.default);
      expect(units(el).map(unitLines)).to.deep.equal(SOURCE_PAGE_UNITS);
    });

    it('puts each unit in a group labelled by its heading, and its postal address in <address>', async () => {
      const el = await renderExample(examples.default);
      for (const unit of units(el)) {
        expect(unit.getAttribute('role')).to.equal('group');
        expect(groupName(unit)).to.equal(unit.querySelector('h2')!.textContent.trim());
        assert.exists(unit.querySelector('address'));
      }
      expect(units(el).map(groupName)).to.deep.equal(['NATO Military Liaison Office', 'Media Operations']);
    });

    it('invents no phone number or email', async () => {
      const el = await renderExample(examples.default);
      expect(el.shadowRoot!.querySelector('a[href^="tel:"], a[href^="mailto:"], [part~="contacts"]')).to.equal(null);
      const data = nth(jsonLd(el)!['@graph'], 0);
      expect(data).not.to.have.property('telephone');
      expect(data).not.to.have.property('email');
      expect(nth(data.department!, 0)).not.to.have.property('telephone');
    });

    it('links each address to an OpenStreetMap search for it', async () => {
      const el = await renderExample(examples.default);
      const maps = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="map-link"]')];
      expect(maps).to.have.length(2);
      for (const map of maps) {
        const url = new URL(map.href);
        expect(url.origin + url.pathname).to.equal('https://www.openstreetmap.org/search');
        expect(url.searchParams.get('query')).to.equal('Bircaninova 5, 11000 Belgrade');
        expect(map.textContent.trim()).to.equal('Show on map');
      }
    });

    it('writes a schema.org GovernmentOffice with its PostalAddress into the light DOM', async () => {
      const el = await renderExample(examples.default);
      const data = jsonLd(el)!;
      expect(data['@context']).to.equal('https://schema.org');
      expect(data['@graph']).to.have.length(1);
      const [office] = take(data['@graph'], 1);
      expect(office['@type']).to.equal('GovernmentOffice');
      expect(office.name).to.equal('NATO Military Liaison Office Belgrade');
      expect(office.address).to.deep.equal({
        '@type': 'PostalAddress',
        streetAddress: 'Bircaninova 5, Ministry of Defense Building',
        postalCode: '11000',
        addressLocality: 'Belgrade',
        addressCountry: 'RS',
      });
      expect(office.department).to.deep.equal([
        {
          '@type': 'GovernmentOffice',
          name: 'Public Affairs Office',
          description: 'Media Operations',
          address: { '@type': 'PostalAddress', streetAddress: 'Bircaninova 5', postalCode: '11000', addressLocality: 'Belgrade', addressCountry: 'RS' },
        },
      ]);
    });

    it('speaks the page language: Serbian Latin and Cyrillic, and follows a change', async () => {
      const latin = await renderExample(examples.serbianLatin);
      expect(units(latin).map(unitLines)).to.deep.equal([
        ['Kancelarija NATO-a za vojnu vezu', 'Birčaninova 5', 'Zgrada Ministarstva odbrane', '11000 Beograd'],
        ['Odnosi s medijima', 'Kancelarija za odnose s javnošću', 'Birčaninova 5', '11000 Beograd'],
      ]);
      expect(latin.shadowRoot!.querySelector('[part~="copy-button"]')!.textContent.trim()).to.equal('Kopiraj adresu');
      expect(nth(jsonLd(latin)!['@graph'], 0).address!.addressLocality).to.equal('Beograd');

      const cyrillic = await renderExample(examples.serbianCyrillic);
      expect(units(cyrillic).map(unitLines)).to.deep.equal([
        ['Канцеларија НАТО-а за војну везу', 'Бирчанинова 5', 'Зграда Министарства одбране', '11000 Београд'],
        ['Односи с медијима', 'Канцеларија за односе с јавношћу', 'Бирчанинова 5', '11000 Београд'],
      ]);
      expect(cyrillic.shadowRoot!.querySelector('[part~="map-link"]')!.textContent.trim()).to.equal('Прикажи на мапи');

      cyrillic.parentElement!.setAttribute('lang', 'en');
      await waitUntil(() => unitLines(nth(units(cyrillic), 0))[0] === 'NATO Military Liaison Office', 'the language change was not followed');
    });
  });

  describe('attributes', () => {
    it('sets the heading level with heading-level, and keeps 2 for a level that does not exist', async () => {
      const el = await renderExample(examples.headingLevel);
      expect(el.shadowRoot!.querySelectorAll('h3')).to.have.length(2);
      expect(el.shadowRoot!.querySelector('h2')).to.equal(null);
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('h2')).to.have.length(2);
    });

    it('leaves out the map links with no-map', async () => {
      const el = await renderExample(examples.noMap);
      expect(el.shadowRoot!.querySelector('[part~="map-link"]')).to.equal(null);
      expect(units(el).map(unitLines)).to.deep.equal(SOURCE_PAGE_UNITS);
      el.noMap = false;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="map-link"]')).to.have.length(2);
    });

    it('writes no JSON-LD with no-json-ld, and removes it when the attribute is added later', async () => {
      const off = await renderExample(examples.noJsonLd);
      expect(off.querySelector('script')).to.equal(null);

      const on = await renderExample(examples.default);
      assert.exists(jsonLd(on));
      on.setAttribute('no-json-ld', '');
      await on.updateComplete;
      expect(on.querySelector('script')).to.equal(null);
    });
  });

  describe('from a feed', () => {
    it("shows the feed's offices with phone as tel:, email as mailto: and the data's own map page", async () => {
      const el = await renderExample(examples.fromFeed);
      expect(units(el).map(unitLines)).to.deep.equal([
        ['Example Partner Office', '1 Example Street', 'Second floor', '10001 Example City', 'Exampleland'],
        ['Press', 'Press Desk', '3 Example Street', '10001 Example City'],
        ['Visitors', 'Visitor Centre'],
        ['NATO Military Liaison Office', 'Bircaninova 5', 'Ministry of Defense Building', '11000 Belgrade', 'Serbia'],
      ]);
      const [partner, press, visitors, mlo] = take(units(el), 4);
      const phone = partner.querySelector<HTMLAnchorElement>('[part~="phone"]')!;
      expect(phone.getAttribute('href')).to.equal('tel:+15550100100');
      expect(phone.textContent.trim()).to.equal('+1 (555) 010-0100');
      expect(partner.querySelector('[part~="email"]')!.getAttribute('href')).to.equal('mailto:office@example.org');
      expect(partner.querySelector('[part~="map-link"]')!.getAttribute('href')).to.equal('https://www.example.org/partner-office/map');
      expect(press.querySelector('[part~="phone"]')).to.equal(null);
      expect(press.querySelector('[part~="email"]')!.getAttribute('href')).to.equal('mailto:press@example.org');
      expect(new URL(press.querySelector<HTMLAnchorElement>('[part~="map-link"]')!.href).searchParams.get('query')).to.equal('3 Example Street, 10001 Example City');
      // A unit with nothing but its name: nothing to map or copy, still a labelled group.
      expect(visitors.querySelector('[part~="map-link"], [part~="copy-button"]')).to.equal(null);
      expect(groupName(visitors)).to.equal('Visitors');
      expect(new URL(mlo.querySelector<HTMLAnchorElement>('[part~="map-link"]')!.href).searchParams.get('query')).to.equal('Bircaninova 5, 11000 Belgrade, Serbia');
    });

    it("shows the demo feed's office as the source page prints it, and its Serbian Latin edition", async () => {
      const english = await renderExample(examples.demoFeed);
      expect(units(english).map(unitLines)).to.deep.equal(SOURCE_PAGE_UNITS);
      expect(nth(jsonLd(english)!['@graph'], 0).url).to.equal('https://mlo-belgrade.example/contact');

      const latin = await renderExample(examples.demoFeedLatin);
      expect(units(latin).map(unitLines)).to.deep.equal([
        ['Kancelarija NATO-a za vojnu vezu', 'Birčaninova 5', 'Zgrada Ministarstva odbrane', '11000 Beograd'],
        ['Odnosi s medijima', 'Kancelarija za odnose s javnošću', 'Birčaninova 5', '11000 Beograd'],
      ]);
    });

    it('writes one GovernmentOffice per office, with what the data knows', async () => {
      const el = await renderExample(examples.fromFeed);
      const [partner, mlo] = take(jsonLd(el)!['@graph'], 2);
      expect(partner).to.include({
        '@type': 'GovernmentOffice',
        name: 'Example Partner Office',
        url: 'https://www.example.org/partner-office/',
        telephone: '+1 (555) 010-0100',
        email: 'office@example.org',
        hasMap: 'https://www.example.org/partner-office/map',
      });
      expect(partner.address).to.deep.equal({
        '@type': 'PostalAddress',
        streetAddress: '1 Example Street, Second floor',
        postalCode: '10001',
        addressLocality: 'Example City',
        addressCountry: 'Exampleland',
      });
      expect(partner.department!.map((unit) => unit.name)).to.deep.equal(['Press Desk', 'Visitor Centre']);
      expect(partner.department![1]).to.deep.equal({ '@type': 'GovernmentOffice', name: 'Visitor Centre', description: 'Visitors' });
      expect(mlo.name).to.equal('NATO Military Liaison Office Belgrade');
      expect(mlo.address!.addressCountry).to.equal('Serbia');
      expect(mlo).not.to.have.property('department');
    });

    it('shows a placeholder announced as a status while loading', async () => {
      const gate = gateFetch();
      const frame = mount(renderOfficeContactExample(examples.fromFeed));
      const el = frame.querySelector('mlo-office-contact')!;
      await el.updateComplete;
      const loading = el.shadowRoot!.querySelector('[part~="loading"]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.textContent).to.contain('Loading contact details');
      expect(el.querySelector('script')).to.equal(null);
      gate.release();
      await settled(el);
      expect(units(el)).to.have.length(4);
    });

    it('explains a 404 in an alert with Retry, and fires mlo-feed-error', async () => {
      const frame = mount(renderOfficeContactExample({ description: '' }));
      const el = frame.querySelector('mlo-office-contact')!;
      const failed = oneEvent<FeedErrorEvent>(el, 'mlo-feed-error');
      el.src = examples.error.src;
      expect((await failed).detail.error.kind).to.equal('http');
      await settled(el);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('HTTP 404');
      expect(alert.querySelector('button')!.textContent.trim()).to.equal('Retry');
      expect(el.querySelector('script')).to.equal(null);
    });

    it('recovers when Retry succeeds', async () => {
      failFirstFetch();
      const el = await renderExample(examples.fromFeed);
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('could not be reached');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => units(el).length === 4, 'Retry did not show the offices');
    });

    it('says an HTML page is not a feed', async () => {
      const el = await renderExample(examples.notAFeed);
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('web page, not a news feed');
    });

    it('says so when the feed has no contact details', async () => {
      const el = await renderExample(examples.noOffices);
      const empty = el.shadowRoot!.querySelector('[part~="empty"]')!;
      expect(empty.getAttribute('role')).to.equal('status');
      expect(empty.textContent).to.contain('The feed gives no contact details.');
      expect(el.querySelector('script')).to.equal(null);
    });
  });

  describe('content of its own', () => {
    it('wins over the data: shown through a slot, no request, no JSON-LD from data', async () => {
      const requested: string[] = [];
      stubFetch((input, init) => {
        requested.push(requestUrl(input));
        return realFetch(input, init);
      });
      const el = await renderExample(examples.ownContent);
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements().map((node) => node.localName)).to.deep.equal(['h2', 'address']);
      expect(el.querySelector('address')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(units(el)).to.have.length(0);
      expect(el.querySelector('script')).to.equal(null);
      expect(requested).to.deep.equal([]);
    });

    it('gives way to the data when the content is removed, and back when it returns', async () => {
      const el = await renderExample(examples.ownContent);
      const own = [...el.children];
      for (const child of own) child.remove();
      await waitUntil(() => units(el).length === 4, 'the feed data did not replace the removed content');
      expect(jsonLd(el)!['@graph']).to.have.length(2);
      el.append(...own);
      await waitUntil(() => el.shadowRoot!.querySelector('slot') !== null, 'the returned content was not shown');
      expect(el.querySelector('script')).to.equal(null);
    });
  });

  describe('copy address', () => {
    it('copies the whole postal address and says so politely', async () => {
      const copied: string[] = [];
      const restore = withClipboard({
        writeText: (text: string) => {
          copied.push(text);
          return Promise.resolve();
        },
      });
      try {
        const el = await renderExample(examples.default);
        const [main, media] = take(units(el), 2);
        main.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
        await waitUntil(() => main.querySelector('[part~="copy-status"]')!.textContent.trim() !== '', 'no confirmation');
        expect(copied).to.deep.equal(['NATO Military Liaison Office\nBircaninova 5\nMinistry of Defense Building\n11000 Belgrade']);
        const status = main.querySelector('[part~="copy-status"]')!;
        expect(status.getAttribute('role')).to.equal('status');
        expect(status.textContent.trim()).to.equal('Address copied.');
        expect(media.querySelector('[part~="copy-status"]')!.textContent.trim()).to.equal('');

        media.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
        await waitUntil(() => media.querySelector('[part~="copy-status"]')!.textContent.trim() !== '', 'no confirmation');
        expect(copied[1]).to.equal('Public Affairs Office\nBircaninova 5\n11000 Belgrade');
        expect(main.querySelector('[part~="copy-status"]')!.textContent.trim()).to.equal('');
      } finally {
        restore();
      }
    });

    it('explains what to do when the browser has no clipboard or refuses', async () => {
      for (const clipboard of [undefined, { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) }]) {
        const restore = withClipboard(clipboard);
        try {
          const el = await renderExample(examples.default);
          const [main] = take(units(el), 1);
          main.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
          await waitUntil(() => main.querySelector('[part~="copy-status"]')!.textContent.trim() !== '', 'no message');
          expect(main.querySelector('[part~="copy-status"]')!.textContent).to.contain('select the address and copy it');
        } finally {
          restore();
        }
      }
    });
  });

  describe('layout', () => {
    it('stacks the units in a narrow container', async () => {
      const el = await renderExample(examples.narrow);
      const [first, second] = take(units(el).map((unit) => unit.getBoundingClientRect()), 2);
      expect(second.top).to.be.at.least(first.bottom);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    });

    it('puts them side by side in a wide one', async () => {
      const el = await renderExample(examples.wide);
      const [first, second] = take(units(el).map((unit) => unit.getBoundingClientRect()), 2);
      expect(second.top).to.equal(first.top);
      expect(second.left).to.be.at.least(first.right);
    });

    it('runs from the right on a right-to-left page, each address line aligned right and in its own order', async () => {
      const el = await renderExample(examples.rightToLeft);
      const [first, second] = take(units(el).map((unit) => unit.getBoundingClientRect()), 2);
      expect(second.right).to.be.at.most(first.left);
      const address = nth(units(el), 0).querySelector('address')!;
      const town = [...address.querySelectorAll<HTMLElement>('.address__line')].find((line) => line.textContent.includes('11000'))!;
      expect(town.getBoundingClientRect().right).to.be.closeTo(address.getBoundingClientRect().right, 0.5);
      const text = [...town.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.includes('11000'))!;
      const rectOf = (word: string) => {
        const range = document.createRange();
        const start = text.textContent!.indexOf(word);
        range.setStart(text, start);
        range.setEnd(text, start + word.length);
        return range.getBoundingClientRect();
      };
      // "11000 Belgrade", not "Belgrade 11000": the postal code stays on the left of the town.
      expect(rectOf('11000').right).to.be.lessThan(rectOf('Belgrade').left);
    });

    it('wraps absurdly long names, street, email and phone inside 280 px', async () => {
      const el = await renderExample(examples.longName);
      expect(el.getBoundingClientRect().width).to.equal(280);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      for (const unit of units(el)) {
        expect(unit.scrollWidth, unitLines(unit)[0]).to.be.at.most(unit.clientWidth);
        for (const part of unit.querySelectorAll('h2, address, a, button, dl')) {
          expect(part.getBoundingClientRect().right, part.localName).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        }
      }
    });

    it('gives every link and button a target of at least 24 × 24 px', async () => {
      const el = await renderExample(examples.fromFeed);
      for (const target of el.shadowRoot!.querySelectorAll('a, button')) {
        const box = target.getBoundingClientRect();
        expect(box.height, target.textContent).to.be.at.least(24);
        expect(box.width, target.textContent).to.be.at.least(24);
      }
    });
  });

  describe('theming', () => {
    it('follows the --mlo-* custom properties and ::part() rules of the page', async () => {
      const sheet = Object.assign(document.createElement('style'), {
        textContent: `
          mlo-office-contact.themed { --mlo-office-contact-heading-size: 2em; --mlo-color-link: rgb(0, 0, 150); }
          mlo-office-contact.themed::part(address) { font-style: italic; }
        `,
      });
      document.head.append(sheet);
      try {
        const el = await renderExample(examples.default);
        el.classList.add('themed');
        const heading = el.shadowRoot!.querySelector('h2')!;
        expect(getComputedStyle(heading).fontSize).to.equal('32px');
        expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="map-link"]')!).color).to.equal('rgb(0, 0, 150)');
        expect(getComputedStyle(el.shadowRoot!.querySelector('address')!).fontStyle).to.equal('italic');
      } finally {
        sheet.remove();
      }
    });
  });

  describe('bad data', () => {
    it('renders the hostile feed inert: markup stays text, unsafe map, phone and email are never links', async () => {
      const el = await renderExample(examples.hostile);
      const root = el.shadowRoot!;
      expect(root.querySelector('img, script, svg, iframe, style, h1')).to.equal(null);
      for (const link of root.querySelectorAll('a')) {
        expect(['https:', 'tel:', 'mailto:']).to.include(new URL(link.href).protocol);
      }
      const [main, second] = take(units(el), 2);
      expect(unitLines(main)[0]).to.equal('<h1 onclick=alert("heading")>Media Operations</h1>');
      expect(unitLines(main)[1]).to.equal('<script>alert("organisation")</script>Public Affairs Office');
      // Its map_url was javascript:, so the map link is a search for the address it gives.
      expect(main.querySelector<HTMLAnchorElement>('[part~="map-link"]')!.href).to.match(/^https:\/\/www\.openstreetmap\.org\/search\?query=/);
      // Its phone carried markup and its email a script: neither is shown as a link.
      expect(main.querySelector('[part~="email"], [part~="phone"]')).to.equal(null);
      expect(second.querySelector('[part~="email"], [part~="phone"], [part~="map-link"]')).to.equal(null);
      expect(unitLines(second)).to.deep.equal(['NATO Military Liaison Office']);
      const script = el.querySelector('script[data-mlo-json-ld]')!;
      expect(script.textContent).not.to.contain('<');
      const [office] = take(jsonLd(el)!['@graph'], 1);
      expect(office).not.to.have.any.keys('url', 'hasMap', 'telephone', 'email');
      expect(office.department).to.deep.equal([{ '@type': 'GovernmentOffice', name: 'NATO Military Liaison Office' }]);
    });

    it('rejects an unsafe map URL even in data that skipped the parser', async () => {
      const frame = mount(renderOfficeContactExample({ description: '' }));
      const el = frame.querySelector('mlo-office-contact')!;
      el.feed = {
        version: '1.1',
        title: 'Normalised by hand',
        items: [],
        droppedItems: 0,
        expired: false,
        authors: [],
        mlo: {
          trail: [],
          alternates: [],
          archives: [],
          offices: [{ name: 'Hand-made', url: 'javascript:alert(1)', units: [{ organisation: 'Hand-made', locality: 'Belgrade', mapUrl: 'javascript:alert(2)' }] }],
        },
      };
      await settled(el);
      const map = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="map-link"]')!;
      expect(map.href).to.equal('https://www.openstreetmap.org/search?query=Belgrade');
      expect(el.querySelector('script[data-mlo-json-ld]')!.textContent).not.to.contain('javascript');
    });
  });

  describe('accessibility', () => {
    // The loading example never settles by design; test/loading-examples.test.ts checks it.
    for (const [name, example] of Object.entries(examples).filter(([name]) => name !== 'loading')) {
      it(`passes axe: ${name}`, async () => {
        const el = await renderExample(example);
        await expect(el).to.be.accessible();
      });
    }

    it('passes axe after copying', async () => {
      const restore = withClipboard({ writeText: () => Promise.resolve() });
      try {
        const el = await renderExample(examples.default);
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[part~="copy-status"]')!.textContent.trim() !== '');
        await expect(el).to.be.accessible();
      } finally {
        restore();
      }
    });
  });
});

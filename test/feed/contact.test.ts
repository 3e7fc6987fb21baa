/**
 * Office e-mail addresses and phone numbers end up in `mailto:` and `tel:` links: only an address or a
 * number, and nothing that would add recipients, headers or a body to the link, survives parsing.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/elements/office-contact/define.js';
import { parseFeed } from '../../src/feed/parse.js';
import type { ContactUnit } from '../../src/feed/types.js';
import { nth } from '../helpers/lists.js';
import { mount } from '../helpers/mount.js';

function unit(fields: Record<string, unknown>): ContactUnit {
  const feed = parseFeed({ version: 'https://jsonfeed.org/version/1.1', items: [], _mlo: { offices: [{ units: [{ organisation: 'Press office', ...fields }] }] } });
  return nth(nth(feed.mlo.offices, 0).units, 0);
}

describe('office e-mail addresses', () => {
  const kept = [
    'desk@mlo.example',
    'pao.belgrade@mlo.example',
    'first.last+news@mail.mlo.example',
    "o'brien@mlo.example",
    'x@y.co',
    'kancelarija@mlo.срб',
    '  desk@mlo.example  ',
  ];
  for (const email of kept) {
    it(`keeps ${JSON.stringify(email)}`, () => {
      expect(unit({ email }).email).to.equal(email.trim());
    });
  }

  const dropped = [
    'desk@mlo.example?bcc=someone@elsewhere.example',
    'desk@mlo.example?bcc=someone%40elsewhere.example',
    'desk@mlo.example?subject=Hi&body=Click',
    'desk@mlo.example&cc=x@y.example',
    'desk@mlo.example,someone@elsewhere.example',
    'desk@mlo.example;someone@elsewhere.example',
    'desk@mlo.example%0ABcc:someone@elsewhere.example',
    'desk%0A@mlo.example',
    'desk@mlo.example\nBcc: someone@elsewhere.example',
    'desk @mlo.example',
    'desk@mlo example',
    'mailto:desk@mlo.example',
    '"desk"@mlo.example',
    '<desk@mlo.example>',
    'Desk <desk@mlo.example>',
    'desk@mlo.example#top',
    'desk@mlo',
    'desk@@mlo.example',
    'desk@.mlo.example',
    'desk@mlo..example',
    'desk@-mlo.example',
    'desk@mlo-.example',
    'desk@mlo.example-',
    'desk@mlo.-example',
    '.desk@mlo.example',
    'de..sk@mlo.example',
    '@mlo.example',
    'desk@',
    `${'a'.repeat(65)}@mlo.example`,
    `desk@${'a'.repeat(64)}.example`,
    `desk@${`${'a'.repeat(60)}.`.repeat(4)}example`,
  ];
  for (const email of dropped) {
    it(`drops ${JSON.stringify(email)}`, () => {
      expect(unit({ email }).email).to.equal(undefined);
    });
  }

  it('keeps the longest address allowed (254 characters, a 64-character local part) and drops one longer', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    const longest = `${local}@${domain}`;
    expect(longest).to.have.length(254);
    expect(unit({ email: longest }).email).to.equal(longest);
    expect(unit({ email: `${local}@${domain}e` }).email).to.equal(undefined);
  });

  it('puts only the address in the mailto: link', async () => {
    const frame = mount(html`<div lang="en"><mlo-office-contact no-json-ld></mlo-office-contact></div>`);
    const element = frame.querySelector('mlo-office-contact')!;
    element.feed = { version: 'https://jsonfeed.org/version/1.1', items: [], _mlo: { offices: [{ units: [{ organisation: 'A', locality: 'Belgrade', email: 'desk@mlo.example?subject=Hi&body=Click%0Ahere' }, { organisation: 'B', locality: 'Belgrade', email: 'press@mlo.example' }] }] } };
    await element.updateComplete;
    const links = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')].map((link) => link.getAttribute('href'));
    expect(links).to.deep.equal(['mailto:press@mlo.example']);
  });
});

describe('office phone numbers', () => {
  const kept = ['+381 (11) 300-6100', '+381 11 300 6100', '011/300-6100'.replace('/', ' '), '(011) 300.61.00', '112', '+1-555-010-0100'];
  for (const phone of kept) {
    it(`keeps ${JSON.stringify(phone)}`, () => {
      expect(unit({ phone }).phone).to.equal(phone);
    });
  }

  const dropped = [
    '+381 11 300 6100 ext. 12',
    '+381 11 300 6100;ext=12',
    '+381 11 300 6100,12',
    '011/300-6100',
    '+381\n11 300 6100',
    '+381\t11 300 6100',
    '+381%0A11',
    '381+11',
    '++381 11',
    'tel:+381113006100',
    '12',
    '1'.repeat(21),
    `+${'1 '.repeat(25)}`,
  ];
  for (const phone of dropped) {
    it(`drops ${JSON.stringify(phone)}`, () => {
      expect(unit({ phone }).phone).to.equal(undefined);
    });
  }

  it('keeps 20 digits and drops 21', () => {
    expect(unit({ phone: '1'.repeat(20) }).phone).to.equal('1'.repeat(20));
    expect(unit({ phone: '1'.repeat(21) }).phone).to.equal(undefined);
  });
});

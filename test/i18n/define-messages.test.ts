/**
 * Serbian written once: the message tables are written in English and Serbian Cyrillic, and Serbian
 * Latin is derived from the Cyrillic (`serbianLatin`, src/i18n/serbian-latin.ts) with the one
 * transliteration (`toLatin`, src/i18n/transliterate.ts). What the derivation converts (the message's
 * own words), what it must not (the caller's arguments), and the overrides.
 */
import { expect } from '@open-wc/testing';
import { FEED_ERROR_KINDS } from '../../src/feed/errors.js';
import { defineMessages, serbianLatin } from '../../src/i18n/serbian-latin.js';
import { LOCALES, formatAge, formatDate, formatNumber, plural } from '../../src/i18n/locale.js';
import { archiveSearchMessages } from '../../src/i18n/messages/archive-search.js';
import { articleCardMessages } from '../../src/i18n/messages/article-card.js';
import { breadcrumbMessages } from '../../src/i18n/messages/breadcrumb.js';
import { commonMessages } from '../../src/i18n/messages/common.js';
import { officeContactMessages } from '../../src/i18n/messages/office-contact.js';
import { SERBIAN_CYRILLIC, toLatin } from '../../src/i18n/transliterate.js';
import { toLatin as searchToLatin } from '../../src/search/normalize.js';
import { MESSAGE_TABLES } from '../helpers/message-tables.js';

const TABLES = MESSAGE_TABLES;

/** Every string literal of a written table (functions are not called: their literals are checked through the elements' tests). */
function literals(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => literals(child, path ? `${path}.${key}` : key));
}

describe('toLatin: the one transliteration', () => {
  it('is the one search uses', () => {
    expect(searchToLatin).to.equal(toLatin);
  });

  it('converts Serbian Cyrillic letter for letter, keeping case', () => {
    expect(toLatin('абвгдђежзијклљмнњопрстћуфхцчџш')).to.equal('abvgdđežzijklljmnnjoprstćufhcčdžš');
    expect(toLatin('Љубљана, ЊЕГОШ, Џеп, Ђурђевдан')).to.equal('Ljubljana, NJEGOŠ, Džep, Đurđevdan');
    expect(toLatin('НАТО-а')).to.equal('NATO-a');
  });

  it('keeps what is not Cyrillic as it is: Latin words, digits, quotes and punctuation', () => {
    expect(toLatin('Проверите атрибут src и article-id (HTTP 404, JSON Feed, CORS), па притисните Enter.')).to.equal(
      'Proverite atribut src i article-id (HTTP 404, JSON Feed, CORS), pa pritisnite Enter.',
    );
    expect(toLatin('„цитат“ – 1.200…')).to.equal('„citat“ – 1.200…');
  });
});

describe('serbianLatin', () => {
  it('transliterates every string, in nested objects, arrays and plural forms, without touching the source', () => {
    const cyrillic = {
      title: 'Вести',
      added: { one: 'Још {n} вест.', few: 'Још {n} вести.', other: 'Још {n} вести.' },
      office: { name: 'Канцеларија', units: [{ street: 'Бирчанинова 5', postalCode: '11000' }] },
      count: 3,
    };
    const before = JSON.stringify(cyrillic);
    const latin = serbianLatin(cyrillic);
    expect(latin).to.deep.equal({
      title: 'Vesti',
      added: { one: 'Još {n} vest.', few: 'Još {n} vesti.', other: 'Još {n} vesti.' },
      office: { name: 'Kancelarija', units: [{ street: 'Birčaninova 5', postalCode: '11000' }] },
      count: 3,
    });
    expect(JSON.stringify(cyrillic), 'the Cyrillic table is unchanged').to.equal(before);
    expect(plural('sr-Latn', 21, latin.added)).to.equal('Još 21 vest.');
  });

  it('transliterates what a function says, never its arguments', () => {
    const cyrillic = {
      noResults: (query: string) => `Нема резултата за „${query}“`,
      both: (first: string, second: string) => `${first} и ${second}`,
      list: (items: string[]) => `(${items.join(', ')})`,
      count: (n: number) => plural('sr-Cyrl', n, { one: '{n} чланак', few: '{n} чланка', other: '{n} чланака' }),
    };
    const latin = serbianLatin(cyrillic);
    expect(latin.noResults('Београд')).to.equal('Nema rezultata za „Београд“');
    expect(latin.noResults('Beograd')).to.equal('Nema rezultata za „Beograd“');
    expect(latin.noResults('НАТО и Nauka')).to.equal('Nema rezultata za „НАТО и Nauka“');
    expect(latin.both('Љуба', 'Đorđe')).to.equal('Љуба i Đorđe');
    expect(latin.both('Љ', 'Љ')).to.equal('Љ i Љ');
    expect(latin.list(['ПДФ', '1,2 MB'])).to.equal('(ПДФ, 1,2 MB)');
    expect([1, 2, 5, 21].map(latin.count)).to.deep.equal(['1 članak', '2 članka', '5 članaka', '21 članak']);
  });

  it('transliterates the whole result when an argument picks the wording instead of being shown', () => {
    const latin = serbianLatin({ answer: (choice: string) => (choice === 'да' ? 'Да, наравно' : 'Не') });
    expect(latin.answer('да')).to.equal('Da, naravno');
    expect(latin.answer('не')).to.equal('Ne');
  });

  it('puts the overrides in place of the derived values, whole', () => {
    const cyrillic = { share: 'Подели на Фејсбуку', retry: 'Покушај поново', noResults: (query: string) => `Нема „${query}“` };
    const latin = serbianLatin(cyrillic, { share: 'Podeli na Facebooku', noResults: (query) => `Ništa za „${query}“` });
    expect(latin.share).to.equal('Podeli na Facebooku');
    expect(latin.retry, 'a key without an override is derived').to.equal('Pokušaj ponovo');
    expect(latin.noResults('Ниш')).to.equal('Ništa za „Ниш“');
    expect(serbianLatin(cyrillic, { retry: undefined }).retry, 'an undefined override changes nothing').to.equal('Pokušaj ponovo');
  });
});

describe('defineMessages', () => {
  it('gives every locale, in the order of LOCALES, with the written tables as they are', () => {
    const en = { retry: 'Retry' };
    const cyrillic = { retry: 'Покушај поново' };
    const table = defineMessages({ en, 'sr-Cyrl': cyrillic });
    expect(Object.keys(table)).to.deep.equal([...LOCALES]);
    expect(table.en).to.equal(en);
    expect(table['sr-Cyrl']).to.equal(cyrillic);
    expect(table['sr-Latn']).to.deep.equal({ retry: 'Pokušaj ponovo' });
  });

  it('derives Serbian Latin only when it is read, and once', () => {
    let reads = 0;
    const cyrillic = {
      get retry() {
        reads += 1;
        return 'Покушај поново';
      },
    };
    const table = defineMessages({ en: { retry: 'Retry' }, 'sr-Cyrl': cyrillic });
    expect(table.en.retry).to.equal('Retry');
    expect(reads, 'not derived before Serbian Latin is read').to.equal(0);
    const latin = table['sr-Latn'];
    expect(latin.retry).to.equal('Pokušaj ponovo');
    expect(table['sr-Latn'], 'the same derived table every time').to.equal(latin);
    expect(reads).to.equal(1);
  });

  it('takes overrides by key, and rejects a key the messages do not have or a table without Cyrillic', () => {
    const table = defineMessages<{ key: string; label: string }>(
      { en: { key: 'Press Enter', label: 'Share' }, 'sr-Cyrl': { key: 'Притисните Enter', label: 'Подели на Фејсбуку' } },
      { latinOverrides: { label: 'Podeli na Facebooku' } },
    );
    expect(table['sr-Latn']).to.deep.equal({ key: 'Pritisnite Enter', label: 'Podeli na Facebooku' });
    // @ts-expect-error An override for a key the messages do not have does not compile.
    defineMessages<{ key: string }>({ en: { key: 'a' }, 'sr-Cyrl': { key: 'а' } }, { latinOverrides: { other: 'b' } });
    // @ts-expect-error Serbian Cyrillic is the source of Serbian Latin: a table without it does not compile.
    defineMessages<{ key: string }>({ en: { key: 'a' } });
    // @ts-expect-error Serbian Latin is derived, not written.
    defineMessages<{ key: string }>({ en: { key: 'a' }, 'sr-Latn': { key: 'a' }, 'sr-Cyrl': { key: 'а' } });
  });
});

describe('the Serbian Latin tables, derived', () => {
  it('pass the caller’s text through: a Cyrillic query, an article id, a date or an age stay as given', () => {
    const latin = archiveSearchMessages['sr-Latn'];
    expect(latin.noResults('Београд')).to.equal('Nema rezultata za „Београд“');
    expect(latin.noResults('Beograd')).to.equal('Nema rezultata za „Beograd“');
    expect(breadcrumbMessages['sr-Latn'].articleNotFound('вест-2023')).to.equal('Izvor vesti nema članak sa oznakom „вест-2023“. Proverite atribut article-id.');
    expect(articleCardMessages['sr-Latn'].downloadDetails(['ПДФ', '1,2 MB'])).to.equal('(ПДФ, 1,2 MB)');

    const now = Date.UTC(2023, 10, 22, 12);
    const latinAge = formatAge(now - 3 * 86_400_000, 'sr-Latn', now);
    expect(latinAge).to.equal('pre 3 dana');
    expect(commonMessages['sr-Latn'].stale(latinAge)).to.equal('Prikazuje se sačuvana kopija, poslednji put ažurirana pre 3 dana.');
    const latinDate = formatDate(new Date(2023, 10, 22, 12), 'sr-Latn');
    expect(commonMessages['sr-Latn'].stale(latinDate)).to.equal(`Prikazuje se sačuvana kopija, poslednji put ažurirana ${latinDate}.`);
    // Given Cyrillic, the derived Latin message still passes it through (the element never does this; it proves the rule).
    expect(commonMessages['sr-Latn'].stale('пре 3 дана')).to.equal('Prikazuje se sačuvana kopija, poslednji put ažurirana пре 3 дана.');
  });

  it('say every feed error, and every count, as the Cyrillic does, transliterated', () => {
    for (const kind of FEED_ERROR_KINDS) {
      for (const status of [undefined, 404, 503]) {
        const latin = commonMessages['sr-Latn'].feedError(kind, status);
        expect(latin, `${kind} ${status}`).to.equal(toLatin(commonMessages['sr-Cyrl'].feedError(kind, status)));
        expect(latin, `${kind} ${status}`).not.to.match(/\p{Script=Cyrillic}/u);
      }
    }
    expect(commonMessages['sr-Latn'].feedError('http', 503)).to.equal('Server izvora vesti je odgovorio greškom (HTTP 503).');
    const search = archiveSearchMessages['sr-Latn'];
    expect(search.resultCount(21, 10)).to.equal('Prikazujemo 10 od 21 rezultata');
    expect(search.resultCount(12_000, 10)).to.equal('Prikazujemo 10 od 12.000 rezultata');
    expect([1, 3, 5, 21].map((n) => search.resultCount(n, n))).to.deep.equal(['1 rezultat', '3 rezultata', '5 rezultata', '21 rezultat']);
    expect(search.indexing(2)).to.equal('Pripremamo pretragu: do sada 2 članka…');
    expect(search.partialArchive(5)).to.equal('Učitan je samo deo arhive (5 članaka), pa neki rezultati mogu da nedostaju.');
  });

  it('keep the Latin words of the Cyrillic text as they are, with no override', () => {
    expect(archiveSearchMessages['sr-Latn'].instructions).to.contain('a tasterom Enter otvarate izabrani.');
    expect(commonMessages['sr-Latn'].noSource).to.equal('Izvor vesti nije zadat: dodajte ovom elementu atribut src sa adresom JSON Feed datoteke.');
    expect(commonMessages['sr-Latn'].feedError('network')).to.contain('(CORS)');
    expect(articleCardMessages['sr-Latn'].notFound).to.contain('sa ovim article-id.');
    expect(officeContactMessages['sr-Latn'].defaultOffice.name).to.equal('Kancelarija NATO-a za vojnu vezu u Beogradu');
    expect(officeContactMessages['sr-Latn'].email).to.equal('E-pošta');
  });

  it('rely on Serbian numbers and plurals being the same in both scripts (the Cyrillic functions format them)', () => {
    for (const value of [0, 7, 1_200, 12_000, 1_234_567, 0.5]) {
      expect(formatNumber(value, 'sr-Cyrl'), String(value)).to.equal(formatNumber(value, 'sr-Latn'));
    }
    const forms = { one: 'one', few: 'few', other: 'other' };
    for (let n = 0; n <= 200; n += 1) expect(plural('sr-Cyrl', n, forms), String(n)).to.equal(plural('sr-Latn', n, forms));
  });
});

describe('the Serbian Cyrillic tables, the source', () => {
  const serbianLetters = new Set(Object.keys(SERBIAN_CYRILLIC).flatMap((letter) => [letter, letter.toUpperCase()]));

  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: Serbian Cyrillic letters only, and no word mixing scripts`, () => {
      for (const [path, text] of literals(table['sr-Cyrl'])) {
        for (const letter of text.match(/\p{Script=Cyrillic}/gu) ?? []) {
          expect(serbianLetters.has(letter), `${path}: “${letter}” is not a letter of Serbian Cyrillic`).to.equal(true);
        }
        for (const word of text.match(/\p{L}+/gu) ?? []) {
          const mixed = /\p{Script=Cyrillic}/u.test(word) && /\p{Script=Latin}/u.test(word);
          expect(mixed, `${path}: “${word}” mixes Cyrillic and Latin letters`).to.equal(false);
        }
      }
    });
  }
});

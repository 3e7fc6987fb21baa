import { expect } from '@open-wc/testing';
import { foldForSearch, originalLength, searchTerms, tokenize, toLatin } from '../src/search/normalize.js';
import { parseQuery } from '../src/search/search-index.js';
import { SortedVocabulary } from '../src/search/vocabulary.js';
import { seededRandom } from '../bench/synthetic-archive.mjs';

describe('search: folding text', () => {
  it('lowercases and strips Serbian diacritics, writing đ as dj', () => {
    expect(foldForSearch('Čačak')).to.equal('cacak');
    expect(foldForSearch('Ćuprija')).to.equal('cuprija');
    expect(foldForSearch('Šabac')).to.equal('sabac');
    expect(foldForSearch('Žabljak')).to.equal('zabljak');
    expect(foldForSearch('Đorđe')).to.equal('djordje');
    expect(foldForSearch('Vučić')).to.equal('vucic');
    expect(foldForSearch('STOLTENBERG')).to.equal('stoltenberg');
  });

  it('folds decomposed input (a letter followed by a combining mark) like precomposed input', () => {
    expect(foldForSearch('C\u030Cac\u030Cak')).to.equal('cacak');
    expect(foldForSearch('Vuc\u030Cic\u0301')).to.equal('vucic');
  });

  it('transliterates Serbian Cyrillic to the same folded Latin', () => {
    expect(foldForSearch('Београд')).to.equal('beograd');
    expect(foldForSearch('НАУКА')).to.equal('nauka');
    expect(foldForSearch('Ђорђе')).to.equal(foldForSearch('Đorđe'));
    expect(foldForSearch('Чачак')).to.equal('cacak');
    expect(foldForSearch('Шабац Жабљак')).to.equal('sabac zabljak');
    expect(foldForSearch('љубав њива џеп ћуприја')).to.equal('ljubav njiva dzep cuprija');
  });

  it('turns Serbian Cyrillic into Serbian Latin keeping case and diacritics', () => {
    expect(toLatin('Ђорђе Чачак')).to.equal('Đorđe Čačak');
    expect(toLatin('Љуба')).to.equal('Ljuba');
    expect(toLatin('ЉУБА')).to.equal('LJUBA');
    expect(toLatin('Џеп, ЊИВА')).to.equal('Džep, NJIVA');
    expect(toLatin('NATO i наука')).to.equal('NATO i nauka');
    expect(toLatin('no Cyrillic here')).to.equal('no Cyrillic here');
  });

  it('leaves other scripts searchable rather than dropping them', () => {
    expect(foldForSearch('Αθήνα')).to.equal('αθηνα');
    expect(searchTerms('東京 2023')).to.deep.equal(['東京', '2023']);
  });

  it('splits words at punctuation and drops one-letter words', () => {
    expect(searchTerms("NATO's visit to Београд, 2023! (KFOR-a)")).to.deep.equal(['nato', 'visit', 'to', 'beograd', '2023', 'kfor']);
    expect(searchTerms('<img src=x onerror=alert(1)>')).to.deep.equal(['img', 'src', 'onerror', 'alert']);
  });

  it('gives each word its offsets in the original text', () => {
    const text = 'Посета Београду: Đorđe';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.term)).to.deep.equal(['poseta', 'beogradu', 'djordje']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).to.equal(token.text);
  });

  it('maps a folded prefix back to the letters as written', () => {
    expect(originalLength('Đorđe', 2)).to.equal(1); // "dj" is "Đ"
    expect(originalLength('Đorđe', 1)).to.equal(1); // half of "Đ" is still "Đ"
    expect(originalLength('Đorđe', 3)).to.equal(2);
    expect(originalLength('Љубав', 2)).to.equal(1); // "lj" is "Љ"
    expect(originalLength('C\u030Cacak', 1)).to.equal(2); // the mark goes with its letter
    expect(originalLength('Čačak', 5)).to.equal(5);
  });
});

describe('search: parsing queries', () => {
  it('folds the words and treats the last as a prefix while it is being typed', () => {
    expect(parseQuery('Stoltenberg Beo')).to.deep.equal([
      { term: 'stoltenberg', prefix: false },
      { term: 'beo', prefix: true },
    ]);
    expect(parseQuery('Stoltenberg Beograd ')).to.deep.equal([
      { term: 'stoltenberg', prefix: false },
      { term: 'beograd', prefix: false },
    ]);
  });

  it('keeps a one-letter word only as the prefix being typed, and drops repeats', () => {
    expect(parseQuery('a b')).to.deep.equal([{ term: 'b', prefix: true }]);
    expect(parseQuery('nato NATO')).to.deep.equal([{ term: 'nato', prefix: true }]);
    expect(parseQuery('  ,.;  ')).to.deep.equal([]);
  });

  it('bounds hostile queries', () => {
    const huge = 'word '.repeat(10_000);
    expect(parseQuery(huge).length).to.be.at.most(12);
    expect(parseQuery('a'.repeat(100_000))[0]!.term.length).to.be.at.most(200);
    expect(parseQuery('.*+?^${}()|[]\\ nato')).to.deep.equal([{ term: 'nato', prefix: true }]);
  });
});

/** Optimal string alignment distance, the slow obvious way, to check the vocabulary walk against. */
function osaDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}


describe('search: the sorted vocabulary', () => {
  it('stays sorted as terms are added in batches, and finds prefixes', () => {
    const vocabulary = new SortedVocabulary();
    vocabulary.insert(['nato', 'beograd', 'nauka']);
    vocabulary.insert(['beogradu', 'stoltenberg', 'na']);
    expect(vocabulary.terms).to.deep.equal(['beograd', 'beogradu', 'na', 'nato', 'nauka', 'stoltenberg']);
    expect(vocabulary.withPrefix('na')).to.deep.equal(['na', 'nato', 'nauka']);
    expect(vocabulary.withPrefix('beog')).to.deep.equal(['beograd', 'beogradu']);
    expect(vocabulary.withPrefix('x')).to.deep.equal([]);
  });

  it('finds a swapped pair of letters as one edit', () => {
    const vocabulary = new SortedVocabulary();
    vocabulary.insert(['stoltenberg', 'stolen', 'berg', 'stoltenbergs']);
    const found: Array<[string, number]> = [];
    vocabulary.similar('stoltenbreg', 1, (term, distance) => found.push([term, distance]));
    expect(found).to.deep.equal([['stoltenberg', 1]]);
  });

  it('finds exactly the terms within the distance, as a brute-force comparison does', () => {
    const random = seededRandom(42);
    const letters = 'abcdeinorstu';
    const word = () => Array.from({ length: 2 + Math.floor(random() * 7) }, () => letters[Math.floor(random() * letters.length)]).join('');
    const terms = [...new Set(Array.from({ length: 3000 }, word))];
    const vocabulary = new SortedVocabulary();
    vocabulary.insert(terms.slice(0, 1000));
    vocabulary.insert(terms.slice(1000));
    for (let i = 0; i < 60; i += 1) {
      const query = word();
      for (const maxDistance of [1, 2]) {
        const found: string[] = [];
        vocabulary.similar(query, maxDistance, (term) => found.push(term));
        const expected = terms.filter((term) => osaDistance(term, query) <= maxDistance).sort();
        expect(found.sort(), `${query} ≤ ${maxDistance}`).to.deep.equal(expected);
        const sameStart: string[] = [];
        vocabulary.similar(query, maxDistance, (term) => sameStart.push(term), query.slice(0, 2));
        expect(sameStart.sort(), `${query} ≤ ${maxDistance} from "${query.slice(0, 2)}"`).to.deep.equal(expected.filter((term) => term.startsWith(query.slice(0, 2))));
      }
    }
  });
});

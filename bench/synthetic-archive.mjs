// A deterministic synthetic news archive for the search benchmark: JSON Feed 1.1 items in English,
// Serbian Latin and Serbian Cyrillic, with a realistic long tail of words (inflected Serbian forms,
// thousands of surnames and places, a Zipf-distributed lexicon of rare words). Same seed, same archive.
// Plain JavaScript so that Node (which writes the feed pages) and the benchmark page can both use it.

/** mulberry32: a small, fast, seedable PRNG. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENGLISH_FUNCTION = 'the of and in to a for with on at by from was were is are has have its their this that as after during about between'.split(' ');
const ENGLISH_WORDS = (
  'defence security cooperation partnership exercise training ministry delegation visit conference officers cadets military ' +
  'liaison office alliance peace science programme reform planning logistics regional stability mission mountain winter medical ' +
  'engineers students academy annual review meeting talks representatives course workshop lecture seminar crisis management ' +
  'emergency response flood rescue demining explosive ordnance disposal border police cyber resilience interoperability standards ' +
  'language school staff college general secretary deputy ambassador embassy minister parliament committee budget procurement ' +
  'equipment helicopter aircraft vehicle field hospital triage civilian protection volunteers community research project ' +
  'university laboratory grant scientists experts panel discussion report findings strategy doctrine capability capacity building ' +
  'integrity transparency gender women leadership youth public diplomacy media journalists press release interview statement ' +
  'anniversary ceremony award medal veterans memorial commemoration honour guard band parade summit declaration agreement signed ' +
  'memorandum understanding framework initiative support assistance donation fund trust project launch opening closing ' +
  'simulation scenario headquarters command brigade battalion company platoon unit soldiers sailors pilots instructors trainees ' +
  'certificate graduation ceremony exchange fellowship internship visitors tour guided briefing presentation exhibition photo'
).split(' ');
const SERBIAN_FUNCTION = 'i u na za sa od do je su se o po koji koja koje kao iz ili ali više kod među tokom posle pre'.split(' ');
const SERBIAN_STEMS = (
  'saradnj odbran bezbednost vežb obuk ministarstv delegacij poset konferencij oficir kadet vojsk kancelarij mir nauk program ' +
  'reform planiranj logistik stabilnost misij planin zim sanitet inženjerij civiln zaštit poplav spasavanj zajedničk projekt ' +
  'istraživač učesnik radionic predavanj student akademij godišnj pregled partnerstv razgovor sastan predstavnik kurs seminar ' +
  'kriz upravljanj hitn odgovor razminiranj eksplozivn sredstv granic polic sajber otpornost standard jezik škol štab koledž ' +
  'general sekretar zamenik ambasador ambasad ministar skupštin odbor budžet nabavk oprem helikopter avion vozil bolnic ' +
  'trijaž civil volonter zajednic istraživanj univerzitet laboratorij stipendij naučnik stručnjak panel diskusij izveštaj ' +
  'strategij doktrin sposobnost integritet transparentnost žen liderstv mlad javn diplomatij medij novinar saopštenj intervju ' +
  'godišnjic ceremonij nagrad medalj veteran spomenik komemoracij počasn gard orkestar parad samit deklaracij sporazum potpisan ' +
  'memorandum razumevanj okvir inicijativ podršk pomoć donacij fond lansiranj otvaranj zatvaranj simulacij scenarij komand ' +
  'brigad bataljon čet vod jedinic vojnik mornar pilot instruktor polaznik sertifikat diplomiranj razmen posetilac obilazak ' +
  'brifing prezentacij izložb fotografij đak đačk međunarodn džip džep ljudstv ljudsk njihov pređen vođ vođstv'
).split(' ');
const SERBIAN_ENDINGS = ['a', 'e', 'u', 'om', 'i', 'ima', 'ama', 'o', 'ski', 'ska', 'sko', 'ske'];
const PLACES = (
  'Beograd Novi_Sad Niš Kragujevac Čačak Šabac Žabljak Subotica Kraljevo Valjevo Užice Pančevo Zrenjanin Leskovac Vranje Sombor ' +
  'Smederevo Kruševac Požarevac Jagodina Loznica Sremska_Mitrovica Prokuplje Zaječar Bor Negotin Pirot Ćuprija Paraćin Vršac ' +
  'Brussels Naples Mons Skopje Podgorica Sarajevo Zagreb Budapest Vienna Rome Oberammergau Garmisch Tirana Sofia Bucharest Athens'
).split(' ').map((place) => place.replace('_', ' '));
const FIRST_NAMES = 'Đorđe Milan Nikola Jelena Marija Stefan Ana Dragan Zoran Ivana Milica Dušan Vuk Ljubica Njegoš Džemal Ćirilo Branka John Maria Anna Peter Thomas Sophie Luca'.split(' ');
const SURNAME_HEADS = 'pet jov nik mil stan đor vuč živ ljub nješ dra zor bran rad sim tom kost mark laz stev vas pop ćir gaj šar žar'.split(' ');
const SURNAME_MIDDLES = ['', 'r', 'k', 'ov', 'an', 'el', 'ij', 'ot', 'uš', 'ač'];
const SURNAME_TAILS = ['ić', 'ović', 'ević', 'ski', 'in', 'ac'];
const TAGS = (
  'Visits|Exercises|Education|Science for Peace and Security|Defence reform|Partnership|Crisis management|Demining|Cyber defence|' +
  'Women, Peace and Security|Public diplomacy|Building integrity|Language training|Military medicine|Civil protection|Anniversaries|' +
  'Vežbe|Posete|Obrazovanje|Nauka za mir|Реформа одбране|Партнерство|Цивилна заштита|Посете|Вежбе'
).split('|');
const SYLLABLES = 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu br kr tr gr dr pl sl st sk sp'.split(' ');

const LATIN_TO_CYRILLIC = [
  ['dž', 'џ'], ['lj', 'љ'], ['nj', 'њ'], ['Dž', 'Џ'], ['Lj', 'Љ'], ['Nj', 'Њ'],
  ...'a:а b:б v:в g:г d:д đ:ђ e:е ž:ж z:з i:и j:ј k:к l:л m:м n:н o:о p:п r:р s:с t:т ć:ћ u:у f:ф h:х c:ц č:ч š:ш'
    .split(' ')
    .flatMap((pair) => {
      const [latin, cyrillic] = pair.split(':');
      return [[latin, cyrillic], [latin.toUpperCase(), cyrillic.toUpperCase()]];
    }),
];

/** Serbian Latin to Serbian Cyrillic (digraphs first). Foreign words are transliterated too, as Serbian media do. */
export function latinToCyrillic(text) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = LATIN_TO_CYRILLIC.find(([latin]) => text.startsWith(latin, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

const CYRILLIC_TO_LATIN = new Map(LATIN_TO_CYRILLIC.map(([latin, cyrillic]) => [cyrillic, latin]));

/** Serbian Cyrillic to Serbian Latin. */
export function cyrillicToLatin(text) {
  return Array.from(text, (char) => CYRILLIC_TO_LATIN.get(char) ?? char).join('');
}

/** Builds the archive's word pools and returns a function that makes item `index` (newest first). */
export function createArchive({ seed = 20231122, size = 10_000 } = {}) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const between = (low, high) => low + Math.floor(random() * (high - low + 1));
  // Zipf: rank r is chosen with probability ∝ 1/r, so a few rare words are common and most are rare.
  const zipf = (list) => list[Math.min(list.length - 1, Math.floor(Math.exp(random() * Math.log(list.length + 1))) - 1)];

  const rareWords = Array.from({ length: 40_000 }, () => Array.from({ length: between(2, 4) }, () => pick(SYLLABLES)).join(''));
  const surnames = Array.from({ length: 3000 }, () => {
    const name = pick(SURNAME_HEADS) + pick(SURNAME_MIDDLES) + pick(SURNAME_TAILS);
    return name[0].toUpperCase() + name.slice(1);
  });
  const serbianWord = () => pick(SERBIAN_STEMS) + pick(SERBIAN_ENDINGS);
  const person = () => `${pick(FIRST_NAMES)} ${zipf(surnames)}`;

  function sentence(language, length) {
    const words = [];
    for (let i = 0; i < length; i += 1) {
      const roll = random();
      if (roll < 0.3) words.push(pick(language === 'en' ? ENGLISH_FUNCTION : SERBIAN_FUNCTION));
      else if (roll < 0.8) words.push(language === 'en' ? pick(ENGLISH_WORDS) : serbianWord());
      else if (roll < 0.9) words.push(zipf(rareWords));
      else if (roll < 0.95) words.push(pick(PLACES));
      else words.push(person());
    }
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  }

  function title(language) {
    const subject = random() < 0.5 ? person() : pick(PLACES);
    const words = [subject];
    const length = between(3, 7);
    for (let i = 0; i < length; i += 1) {
      const roll = random();
      if (roll < 0.2) words.push(pick(language === 'en' ? ENGLISH_FUNCTION : SERBIAN_FUNCTION));
      else if (roll < 0.75) words.push(language === 'en' ? pick(ENGLISH_WORDS) : serbianWord());
      else words.push(zipf(rareWords));
    }
    return words.join(' ');
  }

  const newest = Date.UTC(2024, 11, 20);
  const spanDays = 17 * 365; // 2008–2024
  const items = [];
  for (let index = 0; index < size; index += 1) {
    const roll = random();
    const language = roll < 0.5 ? 'en' : roll < 0.75 ? 'sr-Latn' : 'sr-Cyrl';
    const base = language === 'sr-Cyrl' ? 'sr-Latn' : language;
    const script = language === 'sr-Cyrl' ? latinToCyrillic : (text) => text;
    const date = new Date(newest - Math.floor((index / size) * spanDays * 86_400_000) - between(0, 20) * 3_600_000);
    const year = date.getUTCFullYear();
    const paragraphs = Array.from({ length: between(3, 6) }, () =>
      Array.from({ length: between(2, 4) }, () => sentence(base, between(10, 22))).join(' '),
    );
    const tags = [...new Set(Array.from({ length: between(1, 3) }, () => pick(TAGS)))];
    const id = `synthetic-${index}`;
    items.push({
      id,
      url: `https://mlo.example/newsroom/archive/${year}/${id}`,
      title: script(title(base)),
      summary: script(sentence(base, between(14, 28))),
      content_html: paragraphs.map((paragraph) => `<p>${script(paragraph)}</p>`).join('\n'),
      date_published: date.toISOString(),
      tags,
      language,
      _mlo: { archive_year: year },
    });
  }
  return items;
}

/** The archive as JSON Feed pages of `pageSize` items linked by `next_url` (`page-1.json`, …). */
export function feedPages(items, pageSize, baseUrl) {
  const pages = [];
  for (let start = 0, number = 1; start < items.length; start += pageSize, number += 1) {
    const last = start + pageSize >= items.length;
    pages.push({
      version: 'https://jsonfeed.org/version/1.1',
      title: `Synthetic MLO archive, page ${number}`,
      ...(last ? {} : { next_url: `${baseUrl}/page-${number + 1}.json` }),
      items: items.slice(start, start + pageSize),
    });
  }
  return pages;
}

/**
 * Deterministic benchmark queries made from titles, as readers type them: 20% whole words, 30%
 * prefixes of 1–5 letters, 20% words with one letter changed, 20% two words (the second half typed),
 * 10% a word written in the other script.
 */
export function sampleQueries(items, count, seed = 7) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (text) => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  const CYRILLIC = 'абвгдђежзијклљмнњопрстћуфхцчџш';
  const LATIN = 'abcdefghijklmnoprstuvz';
  const substitute = (word) => {
    const position = Math.floor(random() * word.length);
    const alphabet = /[\u0400-\u04ff]/.test(word) ? CYRILLIC : LATIN;
    let letter = pick(alphabet);
    while (letter === word[position].toLowerCase()) letter = pick(alphabet);
    return word.slice(0, position) + letter + word.slice(position + 1);
  };
  const queries = [];
  while (queries.length < count) {
    const title = pick(items).title;
    const choices = words(title);
    if (choices.length < 2) continue;
    const word = pick(choices);
    const kind = queries.length % 10;
    if (kind < 2) queries.push(word);
    else if (kind < 5) queries.push(word.slice(0, 1 + Math.floor(random() * Math.min(5, word.length - 1))));
    else if (kind < 7) queries.push(substitute(word.toLowerCase()));
    else if (kind < 9) {
      const other = pick(choices);
      queries.push(`${word} ${other.slice(0, Math.max(2, Math.ceil(other.length / 2)))}`);
    } else {
      // The other script: a Latin query for a Cyrillic word, a Cyrillic query for a Latin one.
      const lower = word.toLowerCase();
      queries.push(/[\u0400-\u04ff]/.test(word) ? cyrillicToLatin(lower) : latinToCyrillic(lower));
    }
  }
  return queries;
}

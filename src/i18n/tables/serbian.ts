/**
 * The Serbian message tables, written in Cyrillic (Serbian Latin is derived from them, letter for
 * letter, by `serbianLatin`, which comes with them: src/i18n/serbian-latin.ts). Not part of any element's code: loaded by `import()` the first
 * time an element speaks Serbian (src/i18n/serbian.ts), so pages in English never download them. Each
 * table is checked against its element's message interface, as every locale must have every key.
 */
import { MAX_FEED_PAGE_SIZE } from '../../feed/limits.js';
import { formatNumber, plural } from '../locale.js';
import type { CommonMessages } from '../messages/common.js';
import type { NewsListMessages } from '../messages/news-list.js';
import type { ArticleCardMessages } from '../messages/article-card.js';
import type { BreadcrumbMessages } from '../messages/breadcrumb.js';
import type { OfficeContactMessages } from '../messages/office-contact.js';
import type { ArchiveSearchMessages } from '../messages/archive-search.js';
import type { LoaderMessages } from '../messages/loader.js';
import { provideSerbianTables } from '../serbian.js';
import { serbianLatin } from '../serbian-latin.js';
import { LOADER_SERBIAN_CYRILLIC } from './loader-serbian.js';

/** The page size limit as the messages say it: "2" (MB). */
const PAGE_LIMIT_MB = MAX_FEED_PAGE_SIZE / (1024 * 1024);

const articles = (count: number): string => plural('sr-Cyrl', count, { one: '{n} чланак', few: '{n} чланка', other: '{n} чланака' });
const results = (count: number): string => plural('sr-Cyrl', count, { one: '{n} резултат', few: '{n} резултата', other: '{n} резултата' });
const number = (value: number): string => formatNumber(value, 'sr-Cyrl');

/** Every element's Serbian Cyrillic table, by the name its `defineMessagesOnDemand` call gives. */
export interface SerbianTables {
  common: CommonMessages;
  newsList: NewsListMessages;
  articleCard: ArticleCardMessages;
  breadcrumb: BreadcrumbMessages;
  officeContact: OfficeContactMessages;
  archiveSearch: ArchiveSearchMessages;
  loader: LoaderMessages;
}

export const SERBIAN_CYRILLIC: SerbianTables = {
  common: {
    retry: 'Покушај поново',
    loading: 'Учитавање вести…',
    empty: 'Још нема вести за приказ.',
    noSource: 'Извор вести није задат: додајте овом елементу атрибут src са адресом JSON Feed датотеке.',
    errorTitle: 'Вести није могуће учитати',
    stale: (age) => `Приказује се сачувана копија, последњи пут ажурирана ${age}.`,
    crawlLimit: 'Читање фида је заустављено: има више страница него што веб-страница може безбедно да учита. Приказује се само део учитан до сада.',
    feedError: (kind, status) => {
      switch (kind) {
        case 'network':
          return 'Извор вести није доступан. Проверите везу или замолите власника извора да овом сајту дозволи читање (CORS).';
        case 'timeout':
          return 'Извор вести није одговорио на време.';
        case 'http':
          return status === 404
            ? 'Извор вести није пронађен (HTTP 404). Проверите адресу у атрибуту src.'
            : `Сервер извора вести је одговорио грешком (HTTP ${status ?? '?'}).`;
        case 'html':
          return 'На овој адреси је веб-страница, а не извор вести. Проверите атрибут src: мора да упућује на датотеку у формату JSON Feed.';
        case 'invalid-json':
          return 'Извор вести је оштећен (није исправан JSON) и не може да се прочита.';
        case 'not-a-feed':
          return 'Датотека на овој адреси није JSON Feed.';
        case 'unsupported-version':
          return 'Овај извор вести користи верзију формата JSON Feed коју овај виџет не подржава.';
        case 'invalid-url':
          return 'Адреса извора није веб-адреса: дозвољене су само http, https и релативне адресе.';
        case 'too-large':
          return `Овај извор вести је превелик да би га веб-страница прочитала: једна његова страница има више од ${PAGE_LIMIT_MB} МБ. Замолите издавача да га подели на више страница.`;
      }
    },
  
  },
  newsList: {
    loadMore: 'Учитај још',
    loadingMore: 'Учитавање…',
    added: { one: 'Учитана је још {n} вест.', few: 'Учитане су још {n} вести.', other: 'Учитано је још {n} вести.' },
    noMatches: 'Нема вести које одговарају изабраним филтерима.',
    loadMoreFailed: 'Није могуће учитати још вести.',
  
  },
  articleCard: {
    untitled: 'Вест без наслова',
    tags: 'Ознаке',
    storyBy: 'Текст: {byline}',
    storyByWithSource: 'Текст: {byline} (првобитно објављено на: {source})',
    originallyPosted: 'Првобитно објављено на: {source}',
    photoCredit: '(Извор: {credit})',
    downloads: 'Преузимања',
    downloadDetails: (details) => `(${details.join(', ')})`,
    untitledDownload: 'Преузми',
    notFoundTitle: 'Вест није пронађена',
    notFound: 'Извор вести не садржи вест са овим article-id. Можда је уклоњена или је вредност атрибута article-id погрешна.',
    video: 'Видео:',
    bodyShortened: 'Ова вест је предугачка да би се овде приказала у целости.',
    readFullArticle: 'Прочитајте целу вест',
  
  },
  breadcrumb: {
    label: 'Навигациона путања',
    showFullPath: 'Прикажи целу путању',
    loading: 'Учитавање навигационе путање…',
    untitled: 'Чланак без наслова',
    unavailableTitle: 'Навигациону путању није могуће приказати',
    articleNotFound: (articleId) => `Извор вести нема чланак са ознаком „${articleId}“. Проверите атрибут article-id.`,
    noTrail: 'Извор вести не садржи навигациону путању.',
    nothingToShow: 'Навигациона путања је празна: додајте линкове као садржај елемента или наведите атрибуте src и article-id.',
  
  },
  officeContact: {
    defaultOffice: {
      name: 'Канцеларија НАТО-а за војну везу у Београду',
      units: [
        {
          organisation: 'Канцеларија НАТО-а за војну везу',
          street: 'Бирчанинова 5',
          building: 'Зграда Министарства одбране',
          postalCode: '11000',
          locality: 'Београд',
        },
        {
          heading: 'Односи с медијима',
          organisation: 'Канцеларија за односе с јавношћу',
          street: 'Бирчанинова 5',
          postalCode: '11000',
          locality: 'Београд',
        },
      ],
    },
    phone: 'Телефон',
    email: 'Е-пошта',
    showOnMap: 'Прикажи на мапи',
    copyAddress: 'Копирај адресу',
    addressCopied: 'Адреса је копирана.',
    copyFailed: 'Овај прегледач овде не дозвољава копирање: означите адресу и копирајте је.',
    loading: 'Учитавање података за контакт…',
    noOffices: 'Извор вести не садржи податке за контакт.',
  
  },
  archiveSearch: {
    label: 'Претражите наш садржај',
    instructions: 'Резултати се појављују док куцате. Стрелицама нагоре и надоле крећете се кроз њих, а тастером Enter отварате изабрани.',
    resultsLabel: 'Резултати претраге',
    yearLabel: 'Година',
    allYears: 'Све године',
    tagLabel: 'Тема',
    allTags: 'Све теме',
    resultCount: (total, shown) =>
      shown < total ? `Приказујемо ${number(shown)} од ${number(total)} резултата` : results(total),
    partialMatch: 'Ниједан чланак не садржи све речи; ови садрже неке од њих.',
    noResults: (query) => `Нема резултата за „${query}“`,
    noFilteredResults: 'Ниједан чланак не одговара овим филтерима.',
    loading: 'Учитавање архиве…',
    indexing: (count) => `Припремамо претрагу: до сада ${articles(count)}…`,
    partialArchive: (count) => `Учитан је само део архиве (${articles(count)}), па неки резултати могу да недостају.`,
    emptyArchive: 'Архива још нема чланака за претрагу.',
    noSource: 'Овде нема архиве за претрагу: атрибут src је празан.',
    fallbackIntro: 'И даље можете да претражујете на сајту:',
    fallbackSubmit: 'Претражи',
    indexFailed: 'Индекс за претрагу није могуће учитати, па се уместо њега претражују странице архиве; то може да потраје.',
    indexFailedAlone: 'Индекс за претрагу није могуће учитати.',
    engineFailed: 'Претрагу није могуће учитати (веза није успела или датотека недостаје).',
  },
  loader: LOADER_SERBIAN_CYRILLIC,
};

// Evaluated (by the import() of src/i18n/serbian.ts, or a page importing it up front): the tables are ready.
provideSerbianTables({ tables: SERBIAN_CYRILLIC, serbianLatin });

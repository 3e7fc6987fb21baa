/**
 * RSS 2.0 and Atom (RFC 4287) exports of a CMS, read with fast-xml-parser. Its XMLValidator first gives
 * the line and column of the first syntax error; the parser then keeps each element's position
 * (`captureMetaData`), so a message about an item names the line of its `<item>` or `<entry>`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MLO_EXTENSION_ABOUT } from '../../feed/parse.js';
import { htmlToText } from '../../feed/text.js';
import type { Diagnostics } from '../diagnostics.js';
import { lineAt } from '../diagnostics.js';
import { feedDate } from './fields.js';
import type { Entry, FieldPlace, JsonItem } from '../model.js';

type Node = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as string;

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    captureMetaData: true,
    isArray: (name) => ['item', 'entry', 'category', 'link', 'enclosure', 'author', 'dc:creator', 'media:content'].includes(name),
  });
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return undefined;
}

function attr(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Node)[`@_${name}`];
  return typeof found === 'string' ? found.trim() || undefined : undefined;
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Where the parser found an element in the source text (`captureMetaData`), as an offset. */
function startIndexOf(node: unknown): number | undefined {
  const meta = typeof node === 'object' && node !== null ? ((node as Node)[META] as { startIndex?: number } | undefined) : undefined;
  return meta?.startIndex;
}

function startLine(text: string, node: unknown): number | undefined {
  const start = startIndexOf(node);
  return start === undefined ? undefined : lineAt(text, start).line;
}

export interface XmlReadOptions {
  file: string;
  /** The source's language when the export does not say (config `language`), else the site's default. */
  language: string;
  /** The export's own language wins over `language` unless the config set it explicitly. */
  forceLanguage: boolean;
  kind: 'rss' | 'atom';
}

/** Reads an RSS 2.0 or Atom document's items. */
export function readXml(text: string, options: XmlReadOptions, diagnostics: Diagnostics): Entry[] {
  const { file } = options;
  // fast-xml-parser now points to a separate package, fast-xml-validator; its built-in validator does the
  // same job (first error's line and column) without another dependency.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const checked = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (checked !== true) {
    diagnostics.error(file, `invalid XML: ${checked.err.msg}`, { line: checked.err.line, column: checked.err.col });
    return [];
  }
  const document = parser().parse(text) as Node;
  if (options.kind === 'rss') {
    const rss = document.rss as Node | undefined;
    const channel = rss?.channel as Node | undefined;
    if (!channel) {
      diagnostics.error(file, `not an RSS 2.0 document: no <rss><channel>${document.feed ? ' (this is an Atom feed: use "atom:")' : ''}`, { line: 1 });
      return [];
    }
    const language = options.forceLanguage ? options.language : (textOf(channel.language) ?? options.language);
    return list(channel.item).map((node, index) => rssItem(node as Node, index, text, file, language, diagnostics));
  }
  const feed = document.feed as Node | undefined;
  if (!feed) {
    diagnostics.error(file, `not an Atom document: no <feed>${document.rss ? ' (this is RSS: use "rss:")' : ''}`, { line: 1 });
    return [];
  }
  const feedLanguage = options.forceLanguage ? options.language : (attr(feed, 'xml:lang') ?? options.language);
  return list(feed.entry).map((node, index) => atomEntry(node as Node, index, text, file, options.forceLanguage ? feedLanguage : (attr(node, 'xml:lang') ?? feedLanguage), diagnostics));
}

function entryOf(item: JsonItem, language: string, key: string | undefined, explicitId: string | undefined, file: string, line: number | undefined, element: 'item' | 'entry', index: number, diagnostics: Diagnostics): Entry {
  const place = (field: string): FieldPlace => ({ field: `${element}[${index + 1}] ${field}`, ...(line === undefined ? {} : { line }) });
  if (!key) diagnostics.error(file, `missing required field: the ${element} has no ${element === 'item' ? 'guid or link' : 'id or link'}, so it has no id`, place(element === 'item' ? 'guid' : 'id'));
  if (!item.content_html && !item.content_text) diagnostics.error(file, `missing required field: the ${element} has no text (${element === 'item' ? 'content:encoded or description' : 'content or summary'}); JSON Feed needs content_html or content_text`, place(element === 'item' ? 'description' : 'content'));
  return { item, language, key: key ?? `${file}#${index + 1}`, ...(explicitId === undefined ? {} : { explicitId }), file, ...(line === undefined ? {} : { line }), place: (field) => place(XML_NAMES[element][field] ?? field) };
}

const XML_NAMES: Record<'item' | 'entry', Record<string, string>> = {
  item: { title: 'title', date_published: 'pubDate', summary: 'description', body: 'content:encoded', content_html: 'content:encoded', language: 'language', tags: 'category', id: 'guid', url: 'link' },
  entry: { title: 'title', date_published: 'published', date_modified: 'updated', summary: 'summary', body: 'content', content_html: 'content', language: 'xml:lang', tags: 'category', id: 'id', url: 'link' },
};

function rssItem(node: Node, index: number, text: string, file: string, language: string, diagnostics: Diagnostics): Entry {
  const line = startLine(text, node);
  const place = (field: string): FieldPlace => ({ field: `item[${index + 1}] ${field}`, ...(line === undefined ? {} : { line }) });
  const item: JsonItem = { id: '' };
  const guid = textOf(node.guid);
  const link = textOf(node.link);
  if (link) item.url = link;
  else if (guid && attr(node.guid, 'isPermaLink') !== 'false' && /^https?:/i.test(guid)) item.url = guid;
  const title = textOf(node.title);
  if (title) item.title = title;
  const encoded = textOf(node['content:encoded']);
  const description = textOf(node.description);
  if (encoded) {
    item.content_html = encoded;
    if (description) item.summary = htmlToText(description);
  } else if (description) {
    item.content_html = description;
  }
  const date = textOf(node.pubDate) ?? textOf(node['dc:date']);
  if (date) {
    const converted = feedDateRss(date, file, place('pubDate'), diagnostics);
    if (converted) item.date_published = converted;
  }
  const authors = [...list(node['dc:creator']), ...list(node.author)].map(textOf).filter((name): name is string => Boolean(name));
  if (authors.length > 0) item.authors = [...new Set(authors)].map((name) => ({ name }));
  const tags = list(node.category).map(textOf).filter((tag): tag is string => Boolean(tag));
  if (tags.length > 0) item.tags = [...new Set(tags)];
  for (const enclosure of list(node.enclosure)) {
    const url = attr(enclosure, 'url');
    const type = attr(enclosure, 'type') ?? 'application/octet-stream';
    if (!url) continue;
    if (type.startsWith('image/') && !item.image) item.image = url;
    else (item.attachments ??= []).push({ url, mime_type: type, ...(Number(attr(enclosure, 'length')) > 0 ? { size_in_bytes: Number(attr(enclosure, 'length')) } : {}) });
  }
  const media = list(node['media:content']).find((content) => attr(content, 'medium') === 'image' || (attr(content, 'type') ?? '').startsWith('image/'));
  if (!item.image && media) item.image = attr(media, 'url');
  if (!item.image) delete item.image;
  const source = textOf(node.source);
  if (source) item._mlo = { about: MLO_EXTENSION_ABOUT, original_source: source };
  return entryOf(item, language, guid ?? link, guid, file, line, 'item', index, diagnostics);
}

/** RSS and Atom dates through the one date rule; RSS's RFC 2822 form is converted without a warning. */
function feedDateRss(value: string, file: string, place: FieldPlace, diagnostics: Diagnostics, rss = true): string | undefined {
  return feedDate(value, file, place, diagnostics, { rss });
}

/**
 * An Atom text construct (RFC 4287 §3.1): `text`, `html` (escaped markup) or `xhtml`, whose content is
 * one XHTML `<div>` (not itself part of the content). The parser has turned xhtml markup into objects,
 * so it is read from the source text instead, at the element's position.
 */
function atomText(node: unknown, source: string, name: string): { html?: string; text?: string } {
  if (node === undefined) return {};
  const type = attr(node, 'type') ?? 'text';
  if (type === 'xhtml') {
    const html = xhtmlMarkup(source, node, name);
    return html ? { html } : {};
  }
  const value = textOf(node);
  if (value === undefined) return {};
  return type === 'html' ? { html: value } : { text: value };
}

/** The markup inside an xhtml construct's `<div>`, without a namespace prefix; undefined when it is not one div. */
function xhtmlMarkup(source: string, node: unknown, name: string): string | undefined {
  const start = startIndexOf(node);
  if (start === undefined) return undefined;
  const startTag = new RegExp(`<${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'y');
  startTag.lastIndex = start;
  if (!startTag.exec(source)) return undefined;
  const end = source.indexOf(`</${name}>`, startTag.lastIndex);
  if (end < 0) return undefined;
  const wrapped = /^\s*<(?:([\w.-]+):)?div\b(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*)<\/(?:[\w.-]+:)?div>\s*$/.exec(source.slice(startTag.lastIndex, end));
  if (!wrapped) return undefined;
  const [, prefix, inner = ''] = wrapped;
  // <xhtml:p> → <p>: HTML has no namespaces.
  const markup = prefix ? inner.replace(new RegExp(`(</?)${prefix.replace(/[.-]/g, '\\$&')}:`, 'g'), '$1') : inner;
  return markup.trim() || undefined;
}

function atomEntry(node: Node, index: number, text: string, file: string, language: string, diagnostics: Diagnostics): Entry {
  const line = startLine(text, node);
  const place = (field: string): FieldPlace => ({ field: `entry[${index + 1}] ${field}`, ...(line === undefined ? {} : { line }) });
  const item: JsonItem = { id: '' };
  const id = textOf(node.id);
  const links = list(node.link);
  const alternate = links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate');
  const href = attr(alternate, 'href');
  if (href) item.url = href;
  const via = attr(links.find((link) => attr(link, 'rel') === 'via'), 'href');
  if (via) item.external_url = via;
  const title = atomText(node.title, text, 'title');
  if (title.text ?? title.html) item.title = title.text ?? htmlToText(title.html ?? '');
  const content = atomText(node.content, text, 'content');
  const summary = atomText(node.summary, text, 'summary');
  if (attr(node.content, 'type') === 'xhtml' && !content.html) diagnostics.warn(file, 'xhtml content is not one <div> of XHTML (RFC 4287 §4.1.3.3): not read', place('content'));
  if (content.html) item.content_html = content.html;
  else if (content.text) item.content_text = content.text;
  const summaryText = summary.text ?? (summary.html === undefined ? undefined : htmlToText(summary.html));
  if (summaryText) {
    if (item.content_html || item.content_text) item.summary = summaryText;
    else if (summary.html) item.content_html = summary.html;
    else item.content_text = summaryText;
  }
  const published = textOf(node.published);
  const updated = textOf(node.updated);
  const publishedDate = published ? feedDateRss(published, file, place('published'), diagnostics, false) : undefined;
  const updatedDate = updated ? feedDateRss(updated, file, place('updated'), diagnostics, false) : undefined;
  if (publishedDate ?? updatedDate) item.date_published = (publishedDate ?? updatedDate)!;
  if (updatedDate && updatedDate !== item.date_published) item.date_modified = updatedDate;
  const authors = list(node.author).map((author) => textOf((author as Node | undefined)?.name)).filter((name): name is string => Boolean(name));
  if (authors.length > 0) item.authors = [...new Set(authors)].map((name) => ({ name }));
  const tags = list(node.category).map((category) => attr(category, 'label') ?? attr(category, 'term')).filter((tag): tag is string => Boolean(tag));
  if (tags.length > 0) item.tags = [...new Set(tags)];
  for (const link of links.filter((candidate) => attr(candidate, 'rel') === 'enclosure')) {
    const url = attr(link, 'href');
    const type = attr(link, 'type') ?? 'application/octet-stream';
    if (!url) continue;
    if (type.startsWith('image/') && !item.image) item.image = url;
    else (item.attachments ??= []).push({ url, mime_type: type, ...(Number(attr(link, 'length')) > 0 ? { size_in_bytes: Number(attr(link, 'length')) } : {}) });
  }
  return entryOf(item, language, id ?? href, id, file, line, 'entry', index, diagnostics);
}

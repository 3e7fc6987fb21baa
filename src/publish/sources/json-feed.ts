/**
 * Existing JSON Feeds (a file or a URL), followed through `next_url` as the widgets follow them (never
 * the same page twice, at most MAX_CRAWL_PAGES pages). Items are taken as they are, with their `_mlo`,
 * through the same field rules as the other sources; a message names the item by its JSON path and,
 * when the page is a file, its line (found only when a message needs one).
 */
import { dirname, resolve } from 'node:path';
import { MAX_CRAWL_PAGES } from '../../feed/limits.js';
import { MLO_EXTENSION_ABOUT } from '../../feed/parse.js';
import { displayPath } from '../config.js';
import { Diagnostics } from '../diagnostics.js';
import type { Entry, FieldPlace, JsonItem, JsonPhoto } from '../model.js';
import { parseYaml, type YamlSource } from '../yaml-source.js';
import { archiveYear, feedDate, positiveInteger } from './fields.js';
import { isUrl, readSource } from './read.js';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const string = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function nextTarget(current: string, next: string): string {
  if (isUrl(current) || isUrl(next)) return new URL(next, isUrl(current) ? current : undefined).href;
  return resolve(dirname(current), next);
}

/** Reads a JSON Feed and every page after it. */
export async function readJsonFeed(target: string, fallbackLanguage: string, forceLanguage: boolean, diagnostics: Diagnostics): Promise<Entry[]> {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  let current: string | undefined = target;
  for (let page = 0; current !== undefined; page += 1) {
    if (seen.has(current)) break;
    if (page > MAX_CRAWL_PAGES) {
      diagnostics.warn(displayPath(target), `stopped after ${MAX_CRAWL_PAGES + 1} pages (the widgets read no more of one feed either)`);
      break;
    }
    seen.add(current);
    const file = displayPath(current);
    const text = await readSource(current);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      // JSON.parse names a position; YAML (which reads JSON) names the line.
      const yamlDiagnostics = new Diagnostics();
      parseYaml(text, file, yamlDiagnostics);
      const line = yamlDiagnostics.list[0]?.line;
      diagnostics.error(file, `invalid JSON: ${(error as Error).message}`, line === undefined ? {} : { line });
      break;
    }
    if (!isRecord(document) || !Array.isArray(document.items)) {
      diagnostics.error(file, 'not a JSON Feed: no "items" list', { field: '$.items' });
      break;
    }
    let lines: YamlSource | undefined | null = null;
    const lineOf = (path: (string | number)[]) => {
      if (isUrl(current ?? '')) return undefined;
      if (lines === null) lines = parseYaml(text, file, new Diagnostics());
      return lines?.lineOf(path);
    };
    const language = forceLanguage ? fallbackLanguage : (string(document.language) ?? fallbackLanguage);
    document.items.forEach((raw, index) => {
      const entry = jsonItem(raw, index, file, language, forceLanguage, lineOf, diagnostics);
      if (entry) entries.push(entry);
    });
    const next = string(document.next_url);
    current = next === undefined ? undefined : nextTarget(current, next);
  }
  return entries;
}

const COPIED = ['url', 'external_url', 'title', 'summary', 'content_html', 'content_text', 'image', 'banner_image'] as const;

function jsonItem(raw: unknown, index: number, file: string, feedLanguage: string, forceLanguage: boolean, lineOf: (path: (string | number)[]) => number | undefined, diagnostics: Diagnostics): Entry | undefined {
  const place = (field: string): FieldPlace => {
    const path = ['items', index, ...field.split(/\.|\[(\d+)\]/).filter((part: string | undefined): part is string => part !== undefined && part !== '').map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
    const line = lineOf(path);
    return { field: `$.items[${index}]${field ? `.${field}`.replace(/\.\[/g, '[') : ''}`, ...(line === undefined ? {} : { line }) };
  };
  if (!isRecord(raw)) {
    diagnostics.error(file, 'an item must be an object', place(''));
    return undefined;
  }
  const id = typeof raw.id === 'number' ? String(raw.id) : string(raw.id);
  if (id === undefined) {
    diagnostics.error(file, 'missing required field "id" (JSON Feed items need a unique, stable id)', raw.id === undefined ? place('') : place('id'));
    return undefined;
  }
  const item: JsonItem = { id: '' };
  for (const key of COPIED) {
    const value = string(raw[key]);
    if (value !== undefined) item[key] = value;
  }
  const published = feedDate(raw.date_published, file, place('date_published'), diagnostics);
  if (published) item.date_published = published;
  const modified = feedDate(raw.date_modified, file, place('date_modified'), diagnostics);
  if (modified) item.date_modified = modified;
  const authors = Array.isArray(raw.authors) ? raw.authors : isRecord(raw.author) ? [raw.author] : [];
  const authorList = authors.filter(isRecord).map((author) => Object.fromEntries(['name', 'url', 'avatar'].filter((key) => string(author[key])).map((key) => [key, author[key] as string])));
  if (authorList.length > 0) item.authors = authorList;
  if (Array.isArray(raw.tags)) {
    const tags = raw.tags.filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '');
    if (tags.length > 0) item.tags = tags;
  }
  if (Array.isArray(raw.attachments)) {
    const attachments = raw.attachments.filter(isRecord).flatMap((entry) => {
      const url = string(entry.url);
      const mimeType = string(entry.mime_type);
      return url && mimeType ? [{ ...entry, url, mime_type: mimeType }] : [];
    });
    if (attachments.length > 0) item.attachments = attachments;
  }
  if (!item.content_html && !item.content_text) diagnostics.error(file, 'missing required field: the item has neither content_html nor content_text', place(''));
  if (isRecord(raw._mlo)) {
    const mlo = raw._mlo;
    item._mlo = { about: MLO_EXTENSION_ABOUT };
    const year = archiveYear(mlo.archive_year, file, place('_mlo.archive_year'), diagnostics);
    if (year !== undefined) item._mlo.archive_year = year;
    const byline = string(mlo.byline);
    if (byline) item._mlo.byline = byline;
    const source = string(mlo.original_source);
    if (source) item._mlo.original_source = source;
    const photos: JsonPhoto[] = [];
    for (const [photoIndex, photo] of (Array.isArray(mlo.photos) ? mlo.photos : []).entries()) {
      if (!isRecord(photo) || !string(photo.url)) {
        diagnostics.error(file, 'a photo needs its url', place(`_mlo.photos[${photoIndex}]`));
        continue;
      }
      const entry: JsonPhoto = { url: photo.url as string, alt: typeof photo.alt === 'string' ? photo.alt : '' };
      if (string(photo.caption)) entry.caption = photo.caption as string;
      if (string(photo.credit)) entry.credit = photo.credit as string;
      const width = positiveInteger(photo.width, file, place(`_mlo.photos[${photoIndex}].width`), diagnostics, 'width');
      const height = positiveInteger(photo.height, file, place(`_mlo.photos[${photoIndex}].height`), diagnostics, 'height');
      if (width !== undefined) entry.width = width;
      if (height !== undefined) entry.height = height;
      photos.push(entry);
    }
    if (photos.length > 0) item._mlo.photos = photos;
    if (Object.keys(item._mlo).length === 1) delete item._mlo;
  }
  const language = forceLanguage ? feedLanguage : (string(raw.language) ?? feedLanguage);
  return { item, language, key: id, explicitId: id, file, ...(place('').line === undefined ? {} : { line: place('').line! }), place: (field) => place(field === 'body' ? 'content_html' : field) };
}

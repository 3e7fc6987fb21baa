/**
 * A folder of Markdown files with YAML front matter, one story in one language per file
 * (docs/publishing.md, "Markdown"). The `---` block is split here, parsed by `yaml` (line numbers for
 * every message), and the body rendered by markdown-it. A paragraph holding only an image listed in
 * `photos` becomes the feed's `<figure>` with the photo's size, alt text and "caption (Source: credit)",
 * so an editor writes `![](images/photo.jpg)` where the photo stands and describes it once, above.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownItInstance } from 'markdown-it';
import { MLO_EXTENSION_ABOUT } from '../../feed/parse.js';
import { resolveLocale } from '../../i18n/locale.js';
import { articleCardMessages } from '../../i18n/messages/article-card.js';
// The Serbian tables, up front: elements load them on demand (English meanwhile), a build needs them for
// its first Serbian caption. The module provides itself when it is evaluated (src/i18n/serbian.ts).
import '../../i18n/tables/serbian.js';
import { displayPath } from '../config.js';
import type { Diagnostics } from '../diagnostics.js';
import type { Entry, FieldPlace, JsonItem, JsonPhoto } from '../model.js';
import { parseYaml, type YamlSource } from '../yaml-source.js';
import { archiveYear, feedDate, positiveInteger } from './fields.js';

/** Every front-matter key a story may have; any other key is reported (a misspelling would be lost). */
export const FRONT_MATTER_KEYS = [
  'id', 'key', 'title', 'date', 'updated', 'language', 'tags', 'summary', 'image', 'banner_image', 'photos',
  'byline', 'authors', 'original_source', 'external_url', 'archive_year', 'url', 'format',
] as const;
const PHOTO_KEYS = ['url', 'alt', 'caption', 'credit', 'width', 'height', 'size'];

/** Every `.md` file under `folder`, in a stable order (sorted paths). */
export function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) found.push(path);
    }
  };
  walk(folder);
  return found;
}

/** Splits `---\n…\n---\n` off the start; `bodyLine` is the file line the body starts on. */
export function splitFrontMatter(text: string): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const open = /^---[ \t]*\r?\n/.exec(source);
  if (!open) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = source.slice(open[0].length);
  // The closing fence at the start of a line, possibly right away (empty front matter).
  const match = close.exec(rest);
  if (!match) return undefined;
  const frontMatter = rest.slice(0, match.index);
  const body = rest.slice(match.index + match[0].length);
  const bodyLine = 1 + (source.slice(0, open[0].length + match.index + match[0].length).match(/\n/g)?.length ?? 0);
  return { frontMatter, body, bodyLine };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The feed's figure for a photo: the form rule 8 of docs/feed-format.md describes. */
export function figureHtml(photo: JsonPhoto, language: string): string {
  const size = photo.width !== undefined && photo.height !== undefined ? ` width="${photo.width}" height="${photo.height}"` : '';
  const credit = photo.credit ? articleCardMessages[resolveLocale(language)].photoCredit.replace('{credit}', photo.credit) : '';
  const caption = [photo.caption, credit].filter(Boolean).join(' ');
  return `<figure><img src="${escapeHtml(photo.url)}" alt="${escapeHtml(photo.alt)}"${size}>${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

interface RenderContext {
  photos: JsonPhoto[];
  language: string;
  /** Images without alt text, with the body line they stand on (0-based, relative to the body). */
  missingAlt: { src: string; line: number }[];
}

function markdownRenderer(): MarkdownItInstance {
  // html: editors may write raw HTML (a table, an embed); the widgets sanitise every body before display.
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.core.ruler.push('mlo_figures', (state) => {
    const context = state.env as unknown as RenderContext;
    const tokens = state.tokens;
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      if (token.type !== 'inline') continue;
      for (const child of token.children ?? []) {
        if (child.type === 'image' && !child.children?.some((part) => part.content.trim()) && !context.photos.some((photo) => photo.url === child.attrGet('src'))) {
          context.missingAlt.push({ src: String(child.attrGet('src') ?? ''), line: token.map?.[0] ?? 0 });
        }
      }
      const open = tokens[index - 1];
      const close = tokens[index + 1];
      const only = token.children?.filter((child) => !(child.type === 'text' && child.content.trim() === '') && child.type !== 'softbreak');
      if (open?.type !== 'paragraph_open' || close?.type !== 'paragraph_close' || only?.length !== 1 || only[0]!.type !== 'image') continue;
      const photo = context.photos.find((candidate) => candidate.url === only[0]!.attrGet('src'));
      if (!photo) continue;
      const figure = new state.Token('html_block', '', 0);
      figure.content = `${figureHtml(photo, context.language)}\n`;
      figure.map = open.map;
      tokens.splice(index - 1, 3, figure);
      index -= 1;
    }
  });
  return md;
}

let renderer: MarkdownItInstance | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, file: string, place: FieldPlace, diagnostics: Diagnostics, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') {
    diagnostics.error(file, `${name} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`, place);
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Reads one Markdown file into an entry; problems go to diagnostics (an unusable file gives undefined). */
export function readMarkdownFile(path: string, root: string, languages: readonly string[], fallbackLanguage: string, diagnostics: Diagnostics): Entry | undefined {
  const file = displayPath(path);
  const source = readFileSync(path, 'utf8');
  const split = splitFrontMatter(source);
  if (!split) {
    diagnostics.error(file, 'no front matter: the file must start with a line "---", then YAML (title, date, language …), then "---"', { line: 1 });
    return undefined;
  }
  const yaml = parseYaml(split.frontMatter, file, diagnostics, 2);
  if (!yaml) return undefined;
  const data = yaml.value ?? {};
  if (!isRecord(data)) {
    diagnostics.error(file, 'the front matter must be YAML keys and values (title: …)', { line: 2 });
    return undefined;
  }
  const place = (...path: (string | number)[]): FieldPlace => ({ field: path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join(''), line: yaml.lineOf(path) ?? 2 });
  for (const key of Object.keys(data)) {
    if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) diagnostics.warn(file, `unknown front matter key "${key}" (ignored; the keys are ${FRONT_MATTER_KEYS.join(', ')})`, place(key));
  }

  // Language: front matter, else a file-name suffix (story.sr-Latn.md), else a folder named after it.
  const relativePath = relative(root, path).split(sep).join('/');
  const stem = relativePath.replace(/\.(md|markdown)$/i, '');
  const suffix = /\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$/.exec(stem)?.[1];
  const suffixLanguage = suffix && languages.find((tag) => tag.toLowerCase() === suffix.toLowerCase());
  const folderLanguage = languages.find((tag) => relativePath.toLowerCase().startsWith(`${tag.toLowerCase()}/`));
  const language = text(data.language, file, place('language'), diagnostics, 'language') ?? suffixLanguage ?? folderLanguage ?? fallbackLanguage;
  let key = suffixLanguage ? stem.slice(0, -suffixLanguage.length - 1) : stem;
  if (folderLanguage && !suffixLanguage) key = key.slice(folderLanguage.length + 1);
  key = text(data.key, file, place('key'), diagnostics, 'key') ?? key;

  const photos: JsonPhoto[] = [];
  if (data.photos !== undefined && !Array.isArray(data.photos)) diagnostics.error(file, 'photos must be a list of photos (url, alt, caption, credit, width, height)', place('photos'));
  for (const [index, raw] of (Array.isArray(data.photos) ? data.photos : []).entries()) {
    if (typeof raw === 'string') {
      // Alt text is checked for every source in checks.ts.
      photos.push({ url: raw, alt: '' });
      continue;
    }
    if (!isRecord(raw)) {
      diagnostics.error(file, 'a photo must have url, alt, caption, credit, width, height', place('photos', index));
      continue;
    }
    for (const photoKey of Object.keys(raw)) if (!PHOTO_KEYS.includes(photoKey)) diagnostics.warn(file, `unknown photo key "${photoKey}" (the keys are ${PHOTO_KEYS.join(', ')})`, place('photos', index, photoKey));
    const url = text(raw.url, file, place('photos', index, 'url'), diagnostics, 'a photo url');
    if (!url) {
      diagnostics.error(file, 'a photo needs its url', place('photos', index));
      continue;
    }
    const alt = text(raw.alt, file, place('photos', index, 'alt'), diagnostics, 'alt') ?? '';
    const photo: JsonPhoto = { url, alt };
    const caption = text(raw.caption, file, place('photos', index, 'caption'), diagnostics, 'caption');
    const credit = text(raw.credit, file, place('photos', index, 'credit'), diagnostics, 'credit');
    if (caption) photo.caption = caption;
    if (credit) photo.credit = credit;
    let width = positiveInteger(raw.width, file, place('photos', index, 'width'), diagnostics, 'width');
    let height = positiveInteger(raw.height, file, place('photos', index, 'height'), diagnostics, 'height');
    if (raw.size !== undefined) {
      const size = typeof raw.size === 'string' ? /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/.exec(raw.size) : null;
      if (size) [width, height] = [Number(size[1]), Number(size[2])];
      else diagnostics.error(file, `size must be width x height in pixels, e.g. 1200x800, not ${JSON.stringify(raw.size)}`, place('photos', index, 'size'));
    }
    if (width !== undefined) photo.width = width;
    if (height !== undefined) photo.height = height;
    photos.push(photo);
  }

  const item: JsonItem = { id: '' };
  const url = text(data.url, file, place('url'), diagnostics, 'url');
  if (url) item.url = url;
  let originalSource: string | undefined;
  if (isRecord(data.original_source)) {
    originalSource = text(data.original_source.name, file, place('original_source', 'name'), diagnostics, 'original_source.name');
    const sourceUrl = text(data.original_source.url, file, place('original_source', 'url'), diagnostics, 'original_source.url');
    if (sourceUrl) item.external_url = sourceUrl;
  } else {
    originalSource = text(data.original_source, file, place('original_source'), diagnostics, 'original_source');
  }
  const externalUrl = text(data.external_url, file, place('external_url'), diagnostics, 'external_url');
  if (externalUrl) item.external_url = externalUrl;
  const title = text(data.title, file, place('title'), diagnostics, 'title');
  if (title) item.title = title;
  const summary = text(data.summary, file, place('summary'), diagnostics, 'summary');
  if (summary) item.summary = summary;

  const format = text(data.format, file, place('format'), diagnostics, 'format') ?? 'markdown';
  const body = split.body.trim();
  if (format === 'text') {
    if (body) item.content_text = body.replace(/\r\n/g, '\n');
  } else if (format === 'markdown') {
    if (body) {
      const context: RenderContext = { photos, language, missingAlt: [] };
      renderer ??= markdownRenderer();
      // Leading blank lines of the body shift markdown-it's line map; count them back in.
      const leading = split.body.length - split.body.trimStart().length;
      const leadingLines = split.body.slice(0, leading).match(/\n/g)?.length ?? 0;
      item.content_html = renderer.render(body, context as unknown as Record<string, unknown>).trim();
      for (const image of context.missingAlt) diagnostics.warn(file, `image ${image.src} has no alt text: write ![what it shows](${image.src}), or list it under photos with its alt`, { field: 'body', line: split.bodyLine + leadingLines + image.line });
    }
  } else {
    diagnostics.error(file, `format must be markdown or text, not "${format}"`, place('format'));
  }
  if (!item.content_html && !item.content_text) {
    diagnostics.error(file, 'missing required field: the story has no body (JSON Feed needs content_html or content_text); write it below the front matter', { field: 'body', line: split.bodyLine });
  }

  const image = text(data.image, file, place('image'), diagnostics, 'image');
  if (image) item.image = image;
  const banner = text(data.banner_image, file, place('banner_image'), diagnostics, 'banner_image');
  if (banner) item.banner_image = banner;
  const published = feedDate(data.date, file, place('date'), diagnostics);
  if (published) item.date_published = published;
  const modified = feedDate(data.updated, file, place('updated'), diagnostics);
  if (modified) item.date_modified = modified;
  if (data.authors !== undefined) {
    const authors: unknown[] = Array.isArray(data.authors) ? data.authors : [data.authors];
    const list = authors
      .map((author, index) => (typeof author === 'string' ? { name: author } : isRecord(author) ? author : (diagnostics.error(file, 'an author is a name, or name and url', place('authors', index)), undefined)))
      .filter((author): author is Record<string, string> => author !== undefined)
      .map((author) => Object.fromEntries(Object.entries(author).filter(([name]) => ['name', 'url', 'avatar'].includes(name)).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)])));
    if (list.length > 0) item.authors = list;
  }
  if (data.tags !== undefined) {
    const tags = Array.isArray(data.tags) ? data.tags : typeof data.tags === 'string' ? data.tags.split(',') : [];
    if (!Array.isArray(data.tags) && typeof data.tags !== 'string') diagnostics.error(file, 'tags must be a list', place('tags'));
    const list = tags.map((tag) => String(tag).trim()).filter(Boolean);
    if (list.length > 0) item.tags = [...new Set(list)];
  }
  const year = archiveYear(data.archive_year, file, place('archive_year'), diagnostics);
  const byline = text(data.byline, file, place('byline'), diagnostics, 'byline');
  if (year !== undefined || byline || originalSource || photos.length > 0) {
    item._mlo = { about: MLO_EXTENSION_ABOUT };
    if (year !== undefined) item._mlo.archive_year = year;
    if (byline) item._mlo.byline = byline;
    if (originalSource) item._mlo.original_source = originalSource;
    if (photos.length > 0) item._mlo.photos = photos;
  }
  const explicitId = text(data.id, file, place('id'), diagnostics, 'id');
  return {
    item,
    language,
    key,
    ...(explicitId === undefined ? {} : { explicitId }),
    file,
    line: 1,
    place: (field) => markdownPlace(field, yaml, split.bodyLine),
  };
}

/** A feed field's place in a Markdown file: its front-matter key and line, or the body. */
function markdownPlace(field: string, yaml: YamlSource, bodyLine: number): FieldPlace {
  if (field === 'body' || field === 'content_html' || field === 'content_text') return { field: 'body', line: bodyLine };
  const renamed = field.replace(/^date_published/, 'date').replace(/^date_modified/, 'updated').replace(/^_mlo\./, '');
  const path = renamed.split(/\.|\[(\d+)\]/).filter((part: string | undefined): part is string => part !== undefined && part !== '').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return { field: renamed, line: yaml.lineOf(path) ?? 2 };
}

/** Reads every Markdown file of a folder. */
export function readMarkdownFolder(folder: string, languages: readonly string[], fallbackLanguage: string, diagnostics: Diagnostics, onFile?: (done: number, total: number) => void): Entry[] {
  const files = markdownFiles(folder);
  const entries: Entry[] = [];
  files.forEach((path, index) => {
    const entry = readMarkdownFile(path, folder, languages, fallbackLanguage, diagnostics);
    if (entry) entries.push(entry);
    onFile?.(index + 1, files.length);
  });
  return entries;
}

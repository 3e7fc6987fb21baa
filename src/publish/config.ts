/**
 * The site config of `mlo-feed build`: a JSON or YAML file saying what the feeds are called, in which
 * languages, with which trail and office contacts, and where their content comes from. Its keys are
 * the feed's own snake_case names (docs/publishing.md, "The site config"), checked by a JSON Schema that
 * reuses docs/feed.schema.json's definitions, with every message naming its line.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Diagnostics, UsageError } from './diagnostics.js';
import { FEED_SCHEMA_ID, jsonPath, schemaMessage, schemaValidator } from './schema.js';
import { parseYaml } from './yaml-source.js';

export interface JsonAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}
export interface JsonTrailLink {
  name: string;
  url?: string;
}
export interface JsonOffice {
  name?: string;
  url?: string;
  units: Record<string, string>[];
}

/** What a feed says about its site, in one language (every key optional in the file; see resolve). */
export interface LanguageSettings {
  title: string;
  description?: string;
  user_comment?: string;
  home_page_url?: string;
  icon?: string;
  favicon?: string;
  authors?: JsonAuthor[];
  trail?: JsonTrailLink[];
  offices?: JsonOffice[];
  search_url?: string;
  /** The site's archive page of a year: `https://example.org/news-archive/{year}`. */
  archive_url?: string;
  /** An item's page when its source names none: `https://example.org/news/{key}`. */
  item_url?: string;
  /** How the other languages' feeds name this one in `_mlo.alternates`; default `title`. */
  alternate_title?: string;
}

export type ContentSource =
  | { kind: 'markdown'; path: string; language?: string }
  | { kind: 'rss' | 'atom' | 'json_feed'; path: string; language?: string };

export interface SiteConfig {
  /** The config file (absolute), or undefined for a config given as an object. */
  file?: string;
  /** Where relative paths of the config are resolved: the config file's folder. */
  root: string;
  /** Absolute address of the output folder on the web (ends with /): gives each feed its feed_url. */
  base_url?: string;
  /** The output folder (absolute). */
  output: string;
  /** The first language: its feed is `feed.json`; the others are `feed.<language>.json`. */
  default_language: string;
  languages: Map<string, LanguageSettings>;
  /** Items per older page; the entry feed holds from page_size to 2 × page_size − 1 of the newest. */
  page_size: number;
  content: ContentSource[];
  /** Folders copied into the output as they are (the images the content links to). */
  assets: string[];
  /** Write the prebuilt search index (default true). */
  search_index: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;

const URL_DEF = { $ref: `${FEED_SCHEMA_ID}#/$defs/url` };
const LANGUAGE_DEF = { $ref: `${FEED_SCHEMA_ID}#/$defs/language` };
const TEMPLATE = (placeholder: string) => ({ type: 'string', minLength: 1, pattern: `\\{${placeholder}\\}` });

const SETTINGS_PROPERTIES = {
  title: { type: 'string', minLength: 1 },
  description: { type: 'string' },
  user_comment: { type: 'string' },
  home_page_url: URL_DEF,
  icon: URL_DEF,
  favicon: URL_DEF,
  authors: { type: 'array', items: { $ref: `${FEED_SCHEMA_ID}#/$defs/author` } },
  trail: { type: 'array', items: { $ref: `${FEED_SCHEMA_ID}#/$defs/trailLink` } },
  offices: { type: 'array', items: { $ref: `${FEED_SCHEMA_ID}#/$defs/office` } },
  search_url: URL_DEF,
  archive_url: TEMPLATE('year'),
  item_url: TEMPLATE('key'),
  alternate_title: { type: 'string', minLength: 1 },
};

const SOURCE = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    markdown: { type: 'string', minLength: 1 },
    rss: { type: 'string', minLength: 1 },
    atom: { type: 'string', minLength: 1 },
    json_feed: { type: 'string', minLength: 1 },
    language: LANGUAGE_DEF,
  },
  oneOf: [{ required: ['markdown'] }, { required: ['rss'] }, { required: ['atom'] }, { required: ['json_feed'] }],
};

/** The config file's schema; `_comment` keys are allowed anywhere at the top for notes. */
const CONFIG_SCHEMA = {
  $id: 'urn:mlo-widgets:mlo-feed-site-config',
  type: 'object',
  additionalProperties: false,
  required: ['languages', 'content'],
  properties: {
    _comment: { type: 'string' },
    base_url: { type: 'string', pattern: '^https?://[^\\s]+/$', description: 'an absolute http(s) address ending with /' },
    output: { type: 'string', minLength: 1 },
    default_language: LANGUAGE_DEF,
    page_size: { type: 'integer', minimum: 1, maximum: 1000 },
    search_index: { type: 'boolean' },
    assets: { type: 'array', items: { type: 'string', minLength: 1 } },
    content: { type: 'array', minItems: 1, items: SOURCE },
    ...SETTINGS_PROPERTIES,
    languages: {
      type: 'object',
      minProperties: 1,
      propertyNames: LANGUAGE_DEF,
      additionalProperties: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, properties: SETTINGS_PROPERTIES }] },
    },
  },
};

/** How a path is shown in messages: relative to the working directory when that is shorter. */
export function displayPath(path: string): string {
  if (/^https?:/i.test(path)) return path;
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}

/** Reads and checks a site config file; every problem is a UsageError (exit code 2) with its line. */
export function loadSiteConfig(file: string, overrides: { output?: string } = {}): SiteConfig {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the site config ${displayPath(path)}: ${(error as Error).message}`);
  }
  const diagnostics = new Diagnostics();
  const shown = displayPath(path);
  const source = parseYaml(text, shown, diagnostics);
  if (!source) throw new UsageError(`the site config ${shown} is not valid YAML or JSON`, diagnostics.list);
  return siteConfigFrom(source.value, { file: path, root: dirname(path), ...(overrides.output === undefined ? {} : { output: resolve(overrides.output) }) }, (at) => source.lineOf(at));
}

/**
 * Checks a config object (from a file, or handed to `build()` by a site generator) and fills in the
 * defaults. `lineOf` maps a path in the object to its line in the file, for messages.
 */
export function siteConfigFrom(
  value: unknown,
  where: { file?: string; root: string; output?: string },
  lineOf: (path: (string | number)[]) => number | undefined = () => undefined,
): SiteConfig {
  const shown = where.file ? displayPath(where.file) : '(site config)';
  const validate = schemaValidator().getSchema(CONFIG_SCHEMA.$id) ?? compileConfigSchema();
  if (!validate(value)) {
    const diagnostics = new Diagnostics();
    for (const error of validate.errors ?? []) {
      // oneOf/anyOf wrappers repeat what their branches say.
      if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
      const path: (string | number)[] = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty?: string }).additionalProperty : undefined;
      if (extra !== undefined) path.push(extra);
      diagnostics.error(shown, schemaMessage(error, 'a misspelt key would be lost'), { field: jsonPath(error.instancePath) + (extra === undefined ? '' : `.${extra}`), line: lineOf(path) });
    }
    throw new UsageError(`the site config ${shown} is not valid`, diagnostics.list);
  }
  const raw = value as Record<string, unknown> & { languages: Record<string, Partial<LanguageSettings> | null>; content: Record<string, string>[] };
  const tags = Object.keys(raw.languages);
  const defaultLanguage = typeof raw.default_language === 'string' ? raw.default_language : tags[0]!;
  if (!tags.includes(defaultLanguage)) {
    throw new UsageError(`the site config ${shown} names default_language "${defaultLanguage}", which is not among its languages (${tags.join(', ')})`, [
      { severity: 'error', file: shown, field: '$.default_language', line: lineOf(['default_language']), message: 'not one of the languages' },
    ]);
  }
  const shared: Partial<LanguageSettings> = {};
  for (const key of Object.keys(SETTINGS_PROPERTIES) as (keyof LanguageSettings)[]) if (raw[key] !== undefined) Object.assign(shared, { [key]: raw[key] });
  const languages = new Map<string, LanguageSettings>();
  const diagnostics = new Diagnostics();
  for (const tag of [defaultLanguage, ...tags.filter((tag) => tag !== defaultLanguage)]) {
    const settings = { ...shared, ...(raw.languages[tag] ?? {}) };
    if (!settings.title) diagnostics.error(shown, `language ${tag} has no title (give "title" at the top or under languages.${tag})`, { field: `$.languages["${tag}"].title`, line: lineOf(['languages', tag]) });
    languages.set(tag, settings as LanguageSettings);
  }
  if (diagnostics.list.length > 0) throw new UsageError(`the site config ${shown} is not valid`, diagnostics.list);
  const content: ContentSource[] = raw.content.map((entry) => {
    const kind = (['markdown', 'rss', 'atom', 'json_feed'] as const).find((candidate) => entry[candidate] !== undefined)!;
    const target = entry[kind]!;
    const path = /^https?:\/\//i.test(target) ? target : resolve(where.root, target);
    return { kind, path, ...(entry.language === undefined ? {} : { language: entry.language }) };
  });
  return {
    ...(where.file === undefined ? {} : { file: where.file }),
    root: where.root,
    ...(typeof raw.base_url === 'string' ? { base_url: raw.base_url } : {}),
    output: resolve(where.root, where.output ?? (typeof raw.output === 'string' ? raw.output : 'public')),
    default_language: defaultLanguage,
    languages,
    page_size: typeof raw.page_size === 'number' ? raw.page_size : DEFAULT_PAGE_SIZE,
    content,
    assets: ((raw.assets as string[] | undefined) ?? []).map((asset) => resolve(where.root, asset)),
    search_index: raw.search_index !== false,
  };
}

function compileConfigSchema() {
  const ajv = schemaValidator();
  ajv.addSchema(CONFIG_SCHEMA);
  const validate = ajv.getSchema(CONFIG_SCHEMA.$id);
  if (!validate) throw new Error('mlo-feed: the config schema did not compile');
  return validate;
}

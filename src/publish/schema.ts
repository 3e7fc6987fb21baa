/**
 * docs/feed.schema.json, the one JSON Schema of the feed, compiled once with Ajv (draft 2020-12, with
 * ajv-formats for `uri-reference` and `date-time`): `mlo-feed validate` checks feeds with it, and the
 * site config's schema reuses its definitions (trail links, offices, authors, URLs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const FEED_SCHEMA_ID = 'https://github.com/mlo-belgrade/mlo-widgets/blob/main/docs/feed.schema.json';

/**
 * The package's docs/ folder: two levels above src/publish/, three above dist/lib/publish/. Found by
 * walking up rather than by a fixed depth, so the source and the build read the same file.
 */
function docsFile(name: string): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, 'docs', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`mlo-feed: docs/${name} not found above ${fileURLToPath(import.meta.url)}`);
    directory = parent;
  }
}

let ajv: Ajv2020 | undefined;

/** The Ajv instance that knows the feed schema (by its $id). */
export function schemaValidator(): Ajv2020 {
  if (ajv) return ajv;
  // Strict (unknown keywords are errors), except two checks that flag valid patterns the feed schema uses:
  // `required` inside `anyOf` branches and `anyOf` branches without their own `type`.
  ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(docsFile('feed.schema.json'), 'utf8')) as object);
  return ajv;
}

let feedValidator: ValidateFunction | undefined;

/** Validates one feed page against docs/feed.schema.json. */
export function validateFeedSchema(document: unknown): ErrorObject[] {
  feedValidator ??= schemaValidator().getSchema(FEED_SCHEMA_ID);
  if (!feedValidator) throw new Error('mlo-feed: the feed schema did not compile');
  return feedValidator(document) ? [] : [...(feedValidator.errors ?? [])];
}

/** Ajv's instancePath (`/items/3/_mlo/photos/0`) as a JSON path (`$.items[3]._mlo.photos[0]`). */
export function jsonPath(instancePath: string): string {
  if (!instancePath) return '$';
  return `$${instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
    .join('')}`;
}

/** One Ajv error in words: "must have required property 'id'", "must match format \"date-time\"". */
export function schemaMessage(error: ErrorObject, closed = 'the _mlo objects are closed: a misspelt key is reported, not ignored'): string {
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const known = error.parentSchema && typeof error.parentSchema.properties === 'object' ? Object.keys(error.parentSchema.properties as object).filter((key) => !key.startsWith('_')) : [];
    return `unknown key "${extra ?? '?'}" (${closed}${known.length > 0 ? `; the keys are ${known.join(', ')}` : ''})`;
  }
  if (error.keyword === 'required') return `missing required field "${(error.params as { missingProperty?: string }).missingProperty ?? '?'}"`;
  if (error.keyword === 'pattern' || error.keyword === 'format') {
    const value = typeof error.data === 'string' ? ` "${error.data.length > 80 ? `${error.data.slice(0, 77)}…` : error.data}"` : '';
    return `${error.message ?? 'is invalid'}${value}${error.parentSchema && typeof error.parentSchema.description === 'string' ? ` (${error.parentSchema.description})` : ''}`;
  }
  return error.message ?? `fails ${error.keyword}`;
}

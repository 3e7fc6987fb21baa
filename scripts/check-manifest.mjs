#!/usr/bin/env node
/**
 * Checks that custom-elements.json (from `npm run analyze`) documents each element's whole public
 * API, so that the generated docs are complete:
 *
 * - every element (each src/elements/<name>/define.ts) is in the manifest, with a summary or description,
 *   and its define module declares the tag (a `custom-element-definition` export naming the class's module);
 * - every module path and `module` reference names a built file (`dist/lib/…js`), never the sources
 *   (scripts/check-package.mjs checks that each one ships);
 * - every attribute, public property and method has a description, and attributes and properties a type;
 * - every event has a description and a detail type (`@fires name {CustomEvent<Detail>} - text`);
 * - every `part="…"` written in the element's source (and in the shared state blocks it renders)
 *   is a documented `@csspart`;
 * - every `--mlo-*` property its own styles read is a documented `@cssprop`;
 * - every named `<slot>` it renders is a documented `@slot`.
 *
 *   node scripts/check-manifest.mjs
 *
 * Prints each gap and exits 1 when there is one.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleReferences } from './manifest-modules.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFile(join(ROOT, path), 'utf8');

/** The parts each shared render function of src/internal/feed-states.ts writes, by function name. */
async function sharedStateParts() {
  const source = await read('src/internal/feed-states.ts');
  const parts = new Map();
  const functions = [...source.matchAll(/export function (\w+)/g)];
  functions.forEach((match, index) => {
    const body = source.slice(match.index, functions[index + 1]?.index ?? source.length);
    parts.set(match[1], staticParts(body));
  });
  return parts;
}

/** The static names in `part="…"` (dynamic `${…}` pieces are skipped). */
function staticParts(source) {
  const names = new Set();
  for (const match of source.matchAll(/\bpart=(["'])([^"']*)\1/g)) {
    for (const name of match[2].replace(/\$\{[^}]*\}/g, ' ').split(/\s+/)) if (/^[a-z][a-z0-9-]*$/.test(name)) names.add(name);
  }
  return names;
}

async function elementSources(directory) {
  const files = (await readdir(join(ROOT, directory))).filter((file) => file.endsWith('.ts'));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await read(join(directory, file))])));
}

async function main() {
  const manifest = JSON.parse(await read('custom-elements.json').catch(() => 'null'));
  if (!manifest) {
    console.error('custom-elements.json is missing: run `npm run analyze` first.');
    process.exit(2);
  }
  const declarations = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName) declarations.set(declaration.tagName, { declaration, path: module.path });
  }
  const directories = [];
  for (const name of (await readdir(join(ROOT, 'src/elements'))).sort()) {
    if (await stat(join(ROOT, 'src/elements', name, 'define.ts')).then(() => true, () => false)) directories.push(name);
  }
  const shared = await sharedStateParts();
  const gaps = [];
  const gap = (tag, text) => gaps.push(`<${tag}> ${text}`);

  // Paths: the files that ship, and one registration per tag.
  const definitions = new Map();
  const references = [...(manifest.modules ?? []).map((module) => [module.path, module.path]), ...moduleReferences(manifest)];
  for (const module of manifest.modules ?? []) {
    for (const entry of module.exports ?? []) if (entry.kind === 'custom-element-definition') definitions.set(entry.name, { module: module.path, declaration: entry.declaration });
  }
  for (const [where, path] of references) {
    if (!/^dist\/lib\/.+\.js$/.test(path)) gaps.push(`custom-elements.json: ${where} names ${path}, not a built file (dist/lib/…js)`);
  }

  for (const directory of directories) {
    const tag = `mlo-${directory}`;
    const found = declarations.get(tag);
    if (!found) {
      gap(tag, `has src/elements/${directory}/define.ts but is missing from custom-elements.json (no \`@tagname\`?)`);
      continue;
    }
    const { declaration } = found;
    const definition = definitions.get(tag);
    if (!definition) gap(tag, 'has no custom-element-definition export (custom-elements-manifest.config.mjs reads the defineElement call of its define.ts)');
    else if (definition.module !== `dist/lib/elements/${directory}/define.js` || definition.declaration?.name !== declaration.name || definition.declaration?.module !== found.path) {
      gap(tag, `custom-element-definition in ${definition.module} names ${definition.declaration?.name} in ${definition.declaration?.module}, not ${declaration.name} in ${found.path}`);
    }
    if (!declaration.summary && !declaration.description) gap(tag, 'has no `@summary` or description');

    for (const attribute of declaration.attributes ?? []) {
      if (!attribute.description) gap(tag, `attribute \`${attribute.name}\` has no description`);
      if (!attribute.type?.text) gap(tag, `attribute \`${attribute.name}\` has no type`);
    }
    for (const member of declaration.members ?? []) {
      if (!member.description) gap(tag, `${member.kind} \`${member.name}\` has no description`);
      if (member.kind === 'field' && !member.type?.text) gap(tag, `property \`${member.name}\` has no type`);
    }
    for (const event of declaration.events ?? []) {
      if (!event.description) gap(tag, `event \`${event.name}\` has no description`);
      if (!event.type?.text) gap(tag, `event \`${event.name}\` has no detail type (write \`@fires ${event.name} {CustomEvent<Detail>} - text\`)`);
    }

    const sources = await elementSources(`src/elements/${directory}`);
    const code = Object.entries(sources)
      .filter(([file]) => !file.endsWith('.styles.ts') && file !== 'define.ts')
      .map(([, source]) => source)
      .join('\n');
    const styles = Object.entries(sources)
      .filter(([file]) => file.endsWith('.styles.ts'))
      .map(([, source]) => source)
      .join('\n');

    const parts = staticParts(code);
    for (const [name, sharedParts] of shared) {
      if (new RegExp(`\\b${name}\\s*\\(`).test(code)) for (const part of sharedParts) parts.add(part);
    }
    const documentedParts = new Set((declaration.cssParts ?? []).map((part) => part.name));
    for (const part of parts) if (!documentedParts.has(part)) gap(tag, `renders part="${part}" but does not document it (\`@csspart ${part} - text\`)`);

    const properties = new Set([...styles.matchAll(/var\(\s*(--mlo-[a-z0-9-]+)/g)].map((match) => match[1]));
    const documentedProperties = new Set((declaration.cssProperties ?? []).map((property) => property.name));
    for (const property of properties) {
      if (!documentedProperties.has(property)) gap(tag, `its styles read ${property} but it is not documented (\`@cssprop ${property} - text\`)`);
    }

    const slots = new Set([...code.matchAll(/<slot\b[^>]*\bname=(["'])([^"']+)\1/g)].map((match) => match[2]));
    const documentedSlots = new Set((declaration.slots ?? []).map((slot) => slot.name));
    for (const slot of slots) if (!documentedSlots.has(slot)) gap(tag, `renders <slot name="${slot}"> but does not document it (\`@slot ${slot} - text\`)`);
  }

  for (const line of gaps) console.log(line);
  console.log(`\n${directories.length} elements checked against custom-elements.json: ${gaps.length === 0 ? 'the API is fully documented' : `${gaps.length} gaps`}.`);
  process.exit(gaps.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

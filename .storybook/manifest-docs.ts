/**
 * The API tables of the docs pages, built from custom-elements.json (the elements' JSDoc).
 *
 * Storybook's own reader keys every row by its bare name, so an attribute `label` and a CSS part
 * `label` overwrite each other, and each attribute appears twice (as `heading-level` and as
 * `headingLevel`) with only one of the two controllable. This reader gives every section its own
 * keys, shows each property once with its attribute, types the controls from the manifest
 * (numbers, checkboxes, a select for `'list' | 'grid' | 'headlines'`) and lists the methods too.
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';

interface ManifestType {
  text?: string;
}

interface ManifestEntry {
  name: string;
  description?: string;
  summary?: string;
  type?: ManifestType;
  default?: string;
}

interface ManifestMember extends ManifestEntry {
  kind: 'field' | 'method';
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
  parameters?: (ManifestEntry & { optional?: boolean })[];
  return?: { type?: ManifestType };
}

interface ManifestAttribute extends ManifestEntry {
  fieldName?: string;
}

interface ManifestElement {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  events?: ManifestEntry[];
  slots?: ManifestEntry[];
  cssProperties?: (ManifestEntry & { syntax?: string })[];
  cssParts?: ManifestEntry[];
}

export interface Manifest {
  modules?: { declarations?: ManifestElement[] }[];
}

/** The event names of every element in the manifest (the preview logs them in the Actions panel). */
export function manifestEvents(manifest: Manifest): string[] {
  const names = new Set<string>();
  for (const element of customElements(manifest).values()) for (const event of element.events ?? []) names.add(event.name);
  return [...names];
}

function customElements(manifest: Manifest): Map<string, ManifestElement> {
  const elements = new Map<string, ManifestElement>();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) elements.set(declaration.tagName, declaration);
    }
  }
  return elements;
}

/**
 * The Storybook type a control is inferred from: "number | undefined" gives a number field,
 * "'list' | 'grid'" a select; anything else (objects, class types) an object editor.
 */
function argType(typeText: string | undefined): InputType['type'] {
  const parts = (typeText ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== 'undefined' && part !== 'null');
  const [only] = parts;
  if (parts.length === 1 && (only === 'number' || only === 'boolean' || only === 'string')) return { name: only };
  const literal = /^(['"])(.*)\1$/;
  if (parts.length > 0 && parts.every((part) => literal.test(part))) {
    return { name: 'enum', value: parts.map((part) => part.replace(literal, '$2')) };
  }
  return { name: 'other', value: typeText ?? 'unknown' };
}

function docsRow(name: string, category: string, entry: ManifestEntry, description = entry.description): InputType {
  return {
    name,
    description: description ?? '',
    control: false,
    table: {
      category,
      type: entry.type?.text ? { summary: entry.type.text } : undefined,
      defaultValue: entry.default !== undefined ? { summary: entry.default } : undefined,
    },
  };
}

function methodSignature(method: ManifestMember): string {
  const parameters = (method.parameters ?? []).map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`);
  return `(${parameters.join(', ')}) => ${method.return?.type?.text ?? 'void'}`;
}

export function createManifestDocs(manifest: Manifest) {
  const elements = customElements(manifest);

  function extractArgTypes(tagName: string): ArgTypes | null {
    const element = elements.get(tagName);
    if (!element) return null;
    const rows: ArgTypes = {};
    const fields = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static);
    const fieldNames = new Set(fields.map((field) => field.name));

    for (const field of fields) {
      const attribute = field.attribute ? `Attribute \`${field.attribute}\`. ` : 'Property only (set from script). ';
      rows[field.name] = {
        ...docsRow(field.name, field.attribute ? 'attributes and properties' : 'properties', field, `${attribute}${field.description ?? ''}`),
        type: argType(field.type?.text),
        control: field.readonly ? false : undefined,
      };
    }
    for (const attribute of element.attributes ?? []) {
      if (attribute.fieldName && fieldNames.has(attribute.fieldName)) continue;
      rows[`attribute:${attribute.name}`] = docsRow(attribute.name, 'attributes', attribute);
    }
    for (const method of (element.members ?? []).filter((member) => member.kind === 'method' && !member.static)) {
      rows[`method:${method.name}`] = docsRow(`${method.name}()`, 'methods', { ...method, type: { text: methodSignature(method) } });
    }
    for (const event of element.events ?? []) rows[`event:${event.name}`] = docsRow(event.name, 'events', event);
    for (const slot of element.slots ?? []) rows[`slot:${slot.name || 'default'}`] = docsRow(slot.name || '(default)', 'slots', slot);
    for (const property of element.cssProperties ?? []) {
      rows[`css:${property.name}`] = docsRow(property.name, 'css custom properties', { ...property, type: property.syntax ? { text: property.syntax } : undefined });
    }
    for (const part of element.cssParts ?? []) rows[`part:${part.name}`] = docsRow(part.name, 'css shadow parts', part);
    return rows;
  }

  function extractComponentDescription(tagName: string): string | null {
    const element = elements.get(tagName);
    if (!element) return null;
    return [element.summary, element.description].filter(Boolean).join('\n\n');
  }

  return { extractArgTypes, extractComponentDescription };
}

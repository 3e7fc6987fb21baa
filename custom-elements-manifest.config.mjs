/**
 * The Custom Elements Manifest (custom-elements.json): the elements' public API, read from their
 * JSDoc (`@summary`, `@slot`, `@csspart`, `@cssprop`, `@fires`, `@tagname`) and Lit decorators.
 * Editors autocomplete the tags from it (package.json `customElements`), and Storybook builds its
 * docs tables and controls from it, so nobody writes an API table by hand.
 *
 * `npm run analyze` writes it to the repository root; it is generated, never committed.
 */
import { readFileSync } from 'node:fs';

/**
 * Every element reads the shared design tokens of src/internal/styles.ts. They are documented once,
 * as `@cssprop` lines in that file, and copied here into each element's `cssProperties`.
 */
function sharedTokens() {
  const source = readFileSync(new URL('./src/internal/styles.ts', import.meta.url), 'utf8');
  const tokens = [...source.matchAll(/^\s*\*\s*@cssprop\s+\[(--mlo-[\w-]+)(?:=([^\]]*))?\]\s*-\s*(.+)$/gm)].map(([, name, fallback, description]) => ({
    name,
    description: description.trim(),
    ...(fallback ? { default: fallback } : {}),
  }));
  return {
    name: 'mlo-shared-tokens',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.tagName) continue;
          const own = new Set((declaration.cssProperties ?? []).map((property) => property.name));
          declaration.cssProperties = [...(declaration.cssProperties ?? []), ...tokens.filter((token) => !own.has(token.name))];
        }
      }
    },
  };
}

/**
 * `limit = DEFAULT_LIMIT` would show "DEFAULT_LIMIT" as the default in the docs: a default that
 * names a module-level constant with a literal value is written out as that value.
 */
function constantDefaults() {
  return {
    name: 'mlo-constant-defaults',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        let source;
        for (const declaration of module.declarations ?? []) {
          for (const entry of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (!entry.default || !/^[A-Z][A-Z0-9_]*$/.test(entry.default)) continue;
            source ??= readFileSync(new URL(`./${module.path}`, import.meta.url), 'utf8');
            const literal = new RegExp(`^const ${entry.default}\\s*=\\s*([-\\d.]+|'[^']*'|"[^"]*"|true|false);`, 'm').exec(source);
            if (literal) entry.default = literal[1];
          }
        }
      }
    },
  };
}

/** Members that are not public API: `private`/`protected` fields (Lit `@state`s, controllers) and statics such as `styles`. */
function isPublicMember(member) {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  if (member.name.startsWith('#') || member.name.startsWith('_')) return false;
  if (member.static) return false;
  return true;
}

/**
 * Keeps only the public API in the manifest. Without this, Storybook would offer controls for
 * private `@state` fields and list `styles` and the controllers as properties.
 */
function publicApiOnly() {
  return {
    name: 'mlo-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (declaration.members) declaration.members = declaration.members.filter(isPublicMember);
        }
      }
    },
  };
}

/**
 * The analyzer reads an event's type only in the `@fires {CustomEvent<Detail>} name - text` order;
 * `@fires name {CustomEvent<Detail>} - text` leaves the type inside the description. Both orders
 * are accepted so that every event's detail type reaches the docs.
 */
const TYPE_IN_DESCRIPTION = /^\s*\{(?<type>[^}]+)\}\s*(?:-\s*)?(?<text>[\s\S]*)$/;

function eventTypesFromDescriptions() {
  return {
    name: 'mlo-event-types-from-descriptions',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const match = TYPE_IN_DESCRIPTION.exec(event.description ?? '');
            if (!match?.groups) continue;
            event.type ??= { text: match.groups.type.trim() };
            event.description = match.groups.text.trim();
          }
        }
      }
    },
  };
}

/**
 * `layout: NewsListLayout` tells an editor little; `'list' | 'grid' | 'headlines'` tells it the
 * choices (and lets Storybook offer them in a select). Aliases of string-literal unions declared in
 * the analysed modules are written out in the types of properties and attributes.
 */
function expandLiteralAliases() {
  const aliases = new Map();
  const isLiteralUnion = (ts, type) =>
    ts.isLiteralTypeNode(type) || (ts.isUnionTypeNode(type) && type.types.every((member) => ts.isLiteralTypeNode(member)));
  const expand = (type) => {
    if (!type?.text) return;
    const expanded = type.text
      .split('|')
      .map((part) => part.trim())
      .map((part) => aliases.get(part) ?? part)
      .join(' | ');
    if (expanded !== type.text) type.text = expanded;
  };
  return {
    name: 'mlo-expand-literal-aliases',
    analyzePhase({ ts, node }) {
      if (ts.isTypeAliasDeclaration(node) && isLiteralUnion(ts, node.type)) aliases.set(node.name.getText(), node.type.getText());
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          for (const member of declaration.members ?? []) expand(member.type);
          for (const attribute of declaration.attributes ?? []) expand(attribute.type);
        }
      }
    },
  };
}

/**
 * A property typed only by its initialiser (`limit = DEFAULT_LIMIT`) has no type in the manifest;
 * Lit's `@property({ type: Number })` says what it is. Fills in the missing types from it.
 */
function typesFromPropertyOptions() {
  const LIT_TYPES = { Number: 'number', Boolean: 'boolean', String: 'string', Array: 'array', Object: 'object' };
  const found = new Map();
  return {
    name: 'mlo-types-from-property-options',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
        for (const decorator of decorators) {
          const call = decorator.expression;
          if (!ts.isCallExpression(call) || call.expression.getText() !== 'property') continue;
          const options = call.arguments.find((argument) => ts.isObjectLiteralExpression(argument));
          const typeOption = options?.properties.find((property) => property.name?.getText() === 'type');
          const litType = typeOption && ts.isPropertyAssignment(typeOption) ? LIT_TYPES[typeOption.initializer.getText()] : undefined;
          if (litType && member.name) found.set(`${node.name.getText()}.${member.name.getText()}`, litType);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          for (const member of declaration.members ?? []) {
            const litType = found.get(`${declaration.name}.${member.name}`);
            if (litType && !member.type) member.type = { text: litType };
          }
          for (const attribute of declaration.attributes ?? []) {
            const litType = found.get(`${declaration.name}.${attribute.fieldName}`);
            if (litType && !attribute.type) attribute.type = { text: litType };
          }
        }
      }
    },
  };
}

export default {
  // The base class too, so that what every element inherits from it (persist) is documented on each.
  globs: ['src/elements/**/*.ts', 'src/internal/mlo-element.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite that shared file.
  packagejson: false,
  plugins: [publicApiOnly(), eventTypesFromDescriptions(), expandLiteralAliases(), typesFromPropertyOptions(), sharedTokens(), constantDefaults()],
};

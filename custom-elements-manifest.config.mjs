/**
 * The Custom Elements Manifest (custom-elements.json): the elements' public API, read from their
 * JSDoc (`@summary`, `@slot`, `@csspart`, `@cssprop`, `@fires`, `@tagname`) and Lit decorators.
 * Editors autocomplete the tags from it (package.json `customElements`), and Storybook builds its
 * docs tables and controls from it, so nobody writes an API table by hand.
 *
 * `npm run analyze` writes it to the repository root; it is generated, never committed. Its module
 * paths name the files that ship (`dist/lib/…js`), and each define module declares the tag it
 * registers (`custom-element-definition`).
 *
 * From the finished manifest the same run writes what frameworks and editors read (all generated, all
 * in dist/, never committed): dist/types/jsx.d.ts, react.d.ts and vue.d.ts (package exports
 * `mlo-widgets/jsx`, `mlo-widgets/react`, `mlo-widgets/vue`), dist/editors/html-custom-data.json and
 * css-custom-data.json (VS Code) and dist/editors/web-types.json (JetBrains, package.json `web-types`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

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

/** The tag of each `TAG_NAMES` key (src/internal/tags.ts, the one tag list). */
function tagNames() {
  const source = readFileSync(new URL('./src/internal/tags.ts', import.meta.url), 'utf8');
  const list = /export const TAG_NAMES = \{([\s\S]*?)\}/.exec(source)?.[1] ?? '';
  return new Map([...list.matchAll(/(\w+):\s*'([^']+)'/g)].map(([, key, tag]) => [key, tag]));
}

/**
 * Each `src/elements/<name>/define.ts` registers its element with `defineElement(TAG_NAMES.x, Class)`,
 * which the analyzer does not recognise as `customElements.define`: this adds the
 * `custom-element-definition` export (tag → class declaration) to the define module, as the
 * Custom Elements Manifest schema describes a registration (a tag's own define module only).
 */
function customElementDefinitions() {
  const tags = tagNames();
  /** define module path → [{ tag, className }] */
  const calls = new Map();
  return {
    name: 'mlo-custom-element-definitions',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!moduleDoc.path.endsWith('/define.ts') || !ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tagArgument, classArgument] = node.arguments;
      const key = tagArgument && ts.isPropertyAccessExpression(tagArgument) && tagArgument.expression.getText() === 'TAG_NAMES' ? tagArgument.name.getText() : undefined;
      const tag = key ? tags.get(key) : tagArgument && ts.isStringLiteral(tagArgument) ? tagArgument.text : undefined;
      if (!tag || !classArgument) throw new Error(`${moduleDoc.path}: cannot read the tag of ${node.getText()}`);
      // The list's define module registers the card as well (it draws its items with it); the manifest names
      // one registration per tag, the one in the tag's own define module.
      if (!moduleDoc.path.endsWith(`/elements/${tag.replace(/^mlo-/, '')}/define.ts`)) return;
      calls.set(moduleDoc.path, [...(calls.get(moduleDoc.path) ?? []), { tag, className: classArgument.getText() }]);
    },
    packageLinkPhase({ customElementsManifest }) {
      const classModules = new Map();
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) if (declaration.kind === 'class') classModules.set(declaration.name, module.path);
      }
      for (const module of customElementsManifest.modules ?? []) {
        // `export { MloNewsList }` of an imported class: the analyzer names this module as its declaration.
        const own = new Set((module.declarations ?? []).map((declaration) => declaration.name));
        for (const entry of module.exports ?? []) {
          const { declaration } = entry;
          if (declaration?.module === module.path && !own.has(declaration.name) && classModules.has(declaration.name)) declaration.module = classModules.get(declaration.name);
        }
        for (const { tag, className } of calls.get(module.path) ?? []) {
          const declarationModule = classModules.get(className);
          if (!declarationModule) throw new Error(`${module.path} registers ${className}, which no analysed module declares`);
          module.exports = [...(module.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name: className, module: declarationModule } }];
        }
      }
    },
  };
}

/** `src/elements/x/x.ts` (or `/src/…/x.js`, as the analyzer writes references) → `dist/lib/elements/x/x.js`, where tsc builds it. */
function shippedPath(path, from) {
  let resolved = path;
  if (path.startsWith('.') && from) resolved = posix.normalize(posix.join(posix.dirname(from), path));
  resolved = resolved.replace(/^\//, '');
  if (!resolved.startsWith('src/')) return path;
  return `dist/lib/${resolved.slice('src/'.length).replace(/\.ts$/, '.js')}`;
}

/**
 * Runs last: every module path and every `module` reference (declarations, superclasses, inherited
 * members, exports) names the built file that ships, `dist/lib/…js`, not the TypeScript source.
 * scripts/check-package.mjs checks that each one is in the packed tarball.
 */
function shippedModulePaths() {
  const rewrite = (value, from) => {
    if (Array.isArray(value)) for (const item of value) rewrite(item, from);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'module' && typeof item === 'string') value[key] = shippedPath(item, from);
        else rewrite(item, from);
      }
    }
  };
  return {
    name: 'mlo-shipped-module-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        const source = module.path;
        rewrite(module.declarations, source);
        rewrite(module.exports, source);
        module.path = shippedPath(source);
      }
    },
  };
}

/** The custom elements of the manifest, with the name of the module that defines each tag. */
function manifestElements(customElementsManifest) {
  const elements = [];
  for (const module of customElementsManifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName) elements.push(declaration);
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** A JSDoc block, safe whatever the description holds. */
function docComment(text, indent) {
  const clean = (text ?? '').trim().replaceAll('*/', '*\\/');
  if (!clean) return '';
  const lines = clean.split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

const quoteKey = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));
const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());

/**
 * The JSX, React and Vue types, from the manifest. Each attribute, writable property and event of an
 * element becomes a typed prop: an attribute or property by the class's own property type
 * (`MloNewsList['feed']`: `JsonFeed | Feed`, not a copy), an attribute with no property (`theme`) by
 * its documented type, an event by its entry in `MloEventMap` (src/events.ts), so the handler gets
 * the event with its typed `detail`.
 *
 * Written here rather than by custom-element-jsx-integration and custom-element-vuejs-integration
 * (1.6.0 and 1.4.0), which wrap an event type that is already a `CustomEvent<Detail>` a second time,
 * import the same name once per element that fires it (a duplicate identifier), type Vue events as
 * `onmlo-…` props that `@mlo-…` listeners never match, and declare a global JSX namespace from the Vue
 * file.
 */
function frameworkTypes({ outdir }) {
  return {
    name: 'mlo-framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const elements = manifestElements(customElementsManifest);
      const events = new Set();
      const blocks = [];
      const jsxEntries = [];
      const reactEntries = [];
      const vueEntries = [];
      for (const element of elements) {
        const className = element.name;
        const base = pascal(element.tagName);
        const fields = new Map((element.members ?? []).filter((member) => member.kind === 'field').map((member) => [member.name, member]));
        const attributeLines = (element.attributes ?? []).map((attribute) => {
          const field = attribute.fieldName ? fields.get(attribute.fieldName) : undefined;
          const type = field ? `${className}[${JSON.stringify(field.name)}]` : attribute.type?.text;
          if (!type) throw new Error(`<${element.tagName}> attribute ${attribute.name} has neither a property nor a type`);
          return `${docComment(attribute.description, '  ')}  ${quoteKey(attribute.name)}?: ${type};`;
        });
        const attributeNames = new Set((element.attributes ?? []).map((attribute) => attribute.name));
        const propertyLines = [...fields.values()]
          .filter((field) => !field.readonly && !attributeNames.has(field.name))
          .map((field) => `${docComment(field.description, '  ')}  ${quoteKey(field.name)}?: ${className}[${JSON.stringify(field.name)}];`);
        const eventNames = (element.events ?? []).map((event) => event.name);
        for (const name of eventNames) events.add(name);
        const eventLines = (element.events ?? []).map(
          (event) => `${docComment(event.description, '  ')}  ${JSON.stringify(`on${event.name}`)}?: (event: MloEventMap[${JSON.stringify(event.name)}]) => void;`,
        );
        const eventUnion = eventNames.length > 0 ? eventNames.map((name) => JSON.stringify(name)).join(' | ') : 'never';
        blocks.push(
          `/** The attributes of \`<${element.tagName}>\`, typed as its properties. */\nexport interface ${base}Attributes {\n${attributeLines.join('\n')}\n}\n\n` +
            `/** The properties of \`<${element.tagName}>\` that have no attribute of the same name (\`feed\`, \`headingLevel\`, …). */\nexport interface ${base}Properties {\n${propertyLines.join('\n')}\n}\n\n` +
            `/** The events of \`<${element.tagName}>\` as JSX listener props (\`onmlo-article-select\`), each with its typed event. */\nexport interface ${base}EventProps {\n${eventLines.join('\n')}\n}\n\n` +
            `/** The events \`<${element.tagName}>\` fires, by name. */\nexport type ${base}Events = Pick<MloEventMap, ${eventUnion}>;\n\n` +
            `/** Every prop of \`<${element.tagName}>\` in JSX: attributes, properties and event listeners. */\nexport type ${base}JsxProps = ${base}Attributes & ${base}Properties & ${base}EventProps;\n`,
        );
        const summary = docComment(element.summary ?? element.description, '    ');
        jsxEntries.push(`${docComment(element.summary ?? element.description, '  ')}  ${JSON.stringify(element.tagName)}: ${base}JsxProps;`);
        reactEntries.push(`${docComment(element.summary ?? element.description, '      ')}      ${JSON.stringify(element.tagName)}: ReactElementProps<${className}, ${base}JsxProps>;`);
        vueEntries.push(`${summary}    ${JSON.stringify(element.tagName)}: VueCustomElement<${className}, ${base}Attributes & ${base}Properties, ${base}Events>;`);
      }
      const classes = elements.map((element) => element.name);
      const header = (what) => `// Generated by \`npm run analyze\` (custom-elements-manifest.config.mjs) from custom-elements.json: ${what}. Do not edit.\n`;
      const jsx =
        header('the elements\' props for any JSX') +
        `import type { ${[...classes, 'MloEventMap'].join(', ')} } from '../lib/index.js';\n\n` +
        `${blocks.join('\n')}\n` +
        `/**\n * Every element's own props, by tag: what a JSX framework's \`IntrinsicElements\` needs besides its\n * own HTML attributes (\`class\`, \`id\`, \`slot\`, …). mlo-widgets/react adds them to React's.\n */\n` +
        `export interface MloJsxElements {\n${jsxEntries.join('\n')}\n}\n`;
      const react =
        header('React 19 JSX types, `import type {} from \'mlo-widgets/react\'`') +
        `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n` +
        `import type { ${classes.join(', ')} } from '../lib/index.js';\n` +
        `import type { ${elements.map((element) => `${pascal(element.tagName)}JsxProps`).join(', ')} } from './jsx.js';\n\n` +
        `export type * from './jsx.js';\n\n` +
        `/** React's HTML props for the element (\`className\`, \`ref\` to the element, \`key\`, …) with the element's own. */\n` +
        `export type ReactElementProps<Element extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<Element>, Element>, keyof Own> & Own;\n\n` +
        `declare module 'react' {\n  // React 19 reads intrinsic elements from React.JSX.\n  namespace JSX {\n    interface IntrinsicElements {\n${reactEntries.join('\n')}\n    }\n  }\n}\n`;
      const vue =
        header('Vue 3 `GlobalComponents` types, `import type {} from \'mlo-widgets/vue\'`') +
        `import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';\n` +
        `import type { ${classes.join(', ')} } from '../lib/index.js';\n` +
        `import type { ${elements.flatMap((element) => [`${pascal(element.tagName)}Attributes`, `${pascal(element.tagName)}Properties`, `${pascal(element.tagName)}Events`]).join(', ')} } from './jsx.js';\n\n` +
        `export type * from './jsx.js';\n\n` +
        `/**\n * A custom element as Vue's templates see it (the form Vue's guide gives for web components): its\n * attributes and properties as props, its events for \`@mlo-…\` listeners with their typed event.\n */\n` +
        `export type VueCustomElement<Element extends HTMLElement, Props, Events extends Record<string, Event>> = new () => Element & {\n` +
        `  /** @deprecated For template type-checking only; not on the element. */\n  $props: HTMLAttributes & PublicProps & Partial<Props>;\n` +
        `  /** @deprecated For template type-checking only; not on the element. */\n  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;\n};\n\n` +
        `declare module 'vue' {\n  interface GlobalComponents {\n${vueEntries.join('\n')}\n  }\n}\n`;
      mkdirSync(new URL(`./${outdir}/`, import.meta.url), { recursive: true });
      writeFileSync(new URL(`./${outdir}/jsx.d.ts`, import.meta.url), jsx);
      writeFileSync(new URL(`./${outdir}/react.d.ts`, import.meta.url), react);
      writeFileSync(new URL(`./${outdir}/vue.d.ts`, import.meta.url), vue);
    },
  };
}

const EDITORS = 'dist/editors';

export default {
  // The base class too, so that what every element inherits from it (persist, theme) is documented on
  // each; the define modules for their custom-element-definition exports.
  globs: ['src/elements/**/*.ts', 'src/internal/mlo-element.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite that shared file.
  packagejson: false,
  plugins: [
    publicApiOnly(),
    eventTypesFromDescriptions(),
    expandLiteralAliases(),
    typesFromPropertyOptions(),
    sharedTokens(),
    constantDefaults(),
    customElementDefinitions(),
    // Last of the manifest's own: the paths above still name src/ (constantDefaults reads the sources).
    shippedModulePaths(),
    // From the finished manifest: framework types and editor data.
    frameworkTypes({ outdir: 'dist/types' }),
    customElementVsCodePlugin({ outdir: EDITORS, htmlFileName: 'html-custom-data.json', cssFileName: 'css-custom-data.json', hideLogs: true }),
    customElementJetBrainsPlugin({
      outdir: EDITORS,
      webTypesFileName: 'web-types.json',
      hideLogs: true,
      // Each tag's source, relative to web-types.json, for "go to declaration".
      modulePathTemplate: (_name, modulePath) => posix.relative(EDITORS, modulePath),
    }),
  ],
};

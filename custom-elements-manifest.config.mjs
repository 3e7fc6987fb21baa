/**
 * The Custom Elements Manifest (custom-elements.json): the elements' public API, read from their
 * JSDoc (`@summary`, `@slot`, `@csspart`, `@cssprop`, `@fires`, `@tagname`) and Lit decorators.
 * Editors autocomplete the tags from it (package.json `customElements`), and Storybook builds its
 * docs tables and controls from it, so nobody writes an API table by hand.
 *
 * `npm run analyze` writes it to the repository root; it is generated, never committed.
 */

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

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite that shared file.
  packagejson: false,
  plugins: [publicApiOnly(), eventTypesFromDescriptions()],
};

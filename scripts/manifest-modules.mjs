// What custom-elements.json names as modules, for the checks that its paths ship (check-package.mjs,
// check-manifest.mjs): one walk of the manifest, so both read the same references.

/**
 * Every `module` the manifest names (a declaration's, a superclass's, an export's, a definition's), as
 * `[where, path]`: `where` is the path of the module entry it was found in.
 */
export function moduleReferences(manifest) {
  const references = [];
  const collect = (value, where) => {
    if (Array.isArray(value)) value.forEach((item) => collect(item, where));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'module' && typeof item === 'string') references.push([where, item]);
        else collect(item, where);
      }
    }
  };
  for (const module of manifest.modules ?? []) {
    collect(module.declarations, module.path);
    collect(module.exports, module.path);
  }
  return references;
}

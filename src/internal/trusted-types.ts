/**
 * The one Trusted Types policy of the library, `mlo-widgets`, used only to write JSON-LD into
 * `<script type="application/ld+json">`. Partner pages that enforce `require-trusted-types-for 'script'`
 * with a `trusted-types` allow-list must add `mlo-widgets` to it (README, "Content Security Policy").
 */
export const TRUSTED_TYPES_POLICY = 'mlo-widgets';

interface ScriptPolicy {
  createScript(input: string): unknown;
}

const SHARED = Symbol.for('mlo-widgets.trusted-types-policy');

/**
 * The policy's one rule: it blesses only what jsonLdText() produces, JSON with no "<", ">" or "&".
 * The policy is reachable by any script on the page (through the shared symbol), so it must not turn
 * arbitrary text into a TrustedScript.
 */
function escapedJsonOnly(input: string): string {
  if (/[<>&]/.test(input)) throw new TypeError('mlo-widgets: only escaped JSON-LD may become a script.');
  JSON.parse(input); // Throws for anything that is not JSON.
  return input;
}

function policy(): ScriptPolicy | undefined {
  const globals = globalThis as unknown as Record<symbol, ScriptPolicy | null | undefined> & {
    trustedTypes?: { createPolicy(name: string, rules: { createScript(input: string): string }): ScriptPolicy };
  };
  if (globals[SHARED] !== undefined) return globals[SHARED] ?? undefined;
  let created: ScriptPolicy | null = null;
  try {
    created = globals.trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY, { createScript: escapedJsonOnly }) ?? null;
  } catch {
    created = null; // The page's CSP forbids our policy name: JSON-LD is skipped, the widget still works.
  }
  globals[SHARED] = created;
  return created ?? undefined;
}

/** Serialises structured data so that no "</script>" or "<!--" inside feed text can end the block. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * Puts (or replaces) a `<script type="application/ld+json">` child of `host`, in its light DOM where
 * search engines read it. Returns false when the page's CSP does not allow it.
 */
export function writeJsonLd(host: HTMLElement, data: unknown): boolean {
  const text = jsonLdText(data);
  let script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"][data-mlo-json-ld]');
  if (script && script.textContent === text) return true;
  const trusted = policy();
  const hasTrustedTypes = 'trustedTypes' in globalThis;
  if (hasTrustedTypes && !trusted) return false;
  script ??= Object.assign(document.createElement('script'), { type: 'application/ld+json' });
  script.setAttribute('data-mlo-json-ld', '');
  try {
    // TrustedScript where Trusted Types exist; a plain string elsewhere (no enforcement there).
    (script as unknown as { textContent: unknown }).textContent = trusted ? trusted.createScript(text) : text;
  } catch {
    return false;
  }
  if (!script.isConnected) host.append(script);
  return true;
}

/** Removes the JSON-LD block written by writeJsonLd (when the element's opt-out attribute is set). */
export function removeJsonLd(host: HTMLElement): void {
  host.querySelector(':scope > script[type="application/ld+json"][data-mlo-json-ld]')?.remove();
}

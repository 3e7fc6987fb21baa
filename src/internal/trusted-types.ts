/**
 * The one Trusted Types policy of the library, `mlo-widgets`, used only to write JSON-LD into
 * `<script type="application/ld+json">` (./json-ld.ts). Partner pages that enforce `require-trusted-types-for 'script'`
 * with a `trusted-types` allow-list must add `mlo-widgets` to it (README, "Content Security Policy").
 */
export const TRUSTED_TYPES_POLICY = 'mlo-widgets';

export interface ScriptPolicy {
  createScript(input: string): unknown;
}

const SHARED = Symbol.for('mlo-widgets.trusted-types-policy');

/**
 * The policy's one rule: it blesses only what jsonLdText() (./json-ld.ts) produces, JSON with no "<", ">" or "&".
 * The policy is reachable by any script on the page (through the shared symbol), so it must not turn
 * arbitrary text into a TrustedScript.
 */
function escapedJsonOnly(input: string): string {
  if (/[<>&]/.test(input)) throw new TypeError('mlo-widgets: only escaped JSON-LD may become a script.');
  JSON.parse(input); // Throws for anything that is not JSON.
  return input;
}

/**
 * Our policy, created once per page and shared between copies of the library (a second copy cannot
 * create a policy of the same name). Undefined where the page's CSP forbids it.
 */
export function scriptPolicy(): ScriptPolicy | undefined {
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


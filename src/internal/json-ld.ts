/**
 * Structured data for search engines: a `<script type="application/ld+json">` in the element's light
 * DOM, written through our Trusted Types policy where the page enforces Trusted Types.
 */
import { nothing } from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { ON_SERVER } from './environment.js';
import { scriptPolicy } from './trusted-types.js';

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
  const trusted = scriptPolicy();
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

/**
 * The JSON-LD block inside the shadow root, for server rendering only: the server cannot write the
 * light DOM, and Google reads structured data from the flattened (shadow and light) DOM. In the
 * browser this is `nothing`; the element writes its light-DOM block with `writeJsonLd` instead and
 * removes the server's copy with `removeServerJsonLd`. The text is `jsonLdText`, so it cannot end the script.
 */
export function serverJsonLd(data: unknown): DirectiveResult | typeof nothing {
  return ON_SERVER ? unsafeHTML(`<script type="application/ld+json" data-mlo-json-ld>${jsonLdText(data)}</script>`) : nothing;
}

/** Removes the server-rendered JSON-LD block from a hydrated shadow root (the light-DOM one replaces it). */
export function removeServerJsonLd(root: ShadowRoot): void {
  root.querySelector('script[type="application/ld+json"][data-mlo-json-ld]')?.remove();
}

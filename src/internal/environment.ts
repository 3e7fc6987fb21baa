/**
 * Where the code runs. `isServer` is true under server rendering (`@lit-labs/ssr`, the "node" export
 * condition): there is no document to watch, no page address, and nothing may be fetched or stored.
 */
import { isServer } from 'lit';

/** Typed as a plain boolean: Lit's own declaration is the literal `false` of the browser build. */
export const ON_SERVER: boolean = isServer;

// Types of scripts/compile-hint.mjs, for vite.config.ts.
export const COMPILE_HINT: string;

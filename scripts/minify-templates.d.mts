// Types of scripts/minify-templates.mjs, for vite.config.ts.
export function minifyCssText(text: string): string;
export function minifyTemplates(code: string, fileName: string): string;

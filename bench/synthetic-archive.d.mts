// Types of bench/synthetic-archive.mjs, for the TypeScript half of the benchmark.
export function seededRandom(seed: number): () => number;
export function latinToCyrillic(text: string): string;
export function cyrillicToLatin(text: string): string;
export function createArchive(options?: { seed?: number; size?: number }): Array<Record<string, unknown>>;
export function feedPages(items: Array<Record<string, unknown>>, pageSize: number, baseUrl: string): Array<Record<string, unknown>>;
export function sampleQueries(items: Array<{ title: string }>, count: number, seed?: number): string[];

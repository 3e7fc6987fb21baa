/**
 * The one place the build calls the prebuilt search index's writer (src/search/prebuilt/write.ts,
 * documented in docs/search-index.md): the items of one language in, the index files out, the manifest
 * first. The writer is pure TypeScript; the build writes its files like every other output file.
 */
import type { FeedItem } from '../feed/types.js';
import { writeSearchIndex } from '../search/prebuilt/write.js';

export interface IndexFile {
  path: string;
  contents: string;
}

/** The index files of one language's items, the manifest (named in the feeds) first; undefined when there is no writer. */
export function searchIndexFiles(items: readonly FeedItem[], manifest: string): IndexFile[] | undefined {
  return writeSearchIndex(items, { manifest, dir: 'search' });
}

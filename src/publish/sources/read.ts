/** Reading a content source's text from a file or an http(s) URL (an RSS export on the CMS, a live feed). */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../diagnostics.js';

/** How long one download may take. */
export const FETCH_TIMEOUT_MS = 30_000;

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/** The text at `target`; an unreadable file or a failed download is a usage error (exit code 2). */
export async function readSource(target: string): Promise<string> {
  if (!isUrl(target)) {
    try {
      return await readFile(target, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${target}: ${(error as Error).message}`);
    }
  }
  let response: Response;
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1' } });
  } catch (error) {
    throw new UsageError(`cannot download ${target}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new UsageError(`cannot download ${target}: the server answered ${response.status} ${response.statusText}`);
  return response.text();
}

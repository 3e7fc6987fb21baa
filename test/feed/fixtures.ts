/** Reading the shared feed fixtures (fixtures/feeds/) the way elements do: over HTTP from the test server. */
import { parseFeedText } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/types.js';

/** The absolute address of a fixture feed, as a resolved `src` would be. */
export function fixtureUrl(name: string): string {
  return new URL(`/fixtures/feeds/${name}`, location.href).href;
}

export async function fixtureText(name: string): Promise<string> {
  const response = await fetch(fixtureUrl(name));
  if (!response.ok) throw new Error(`Fixture ${name}: HTTP ${response.status}`);
  return response.text();
}

/** A fixture parsed with its own address as the base for relative URLs. */
export async function fixtureFeed(name: string): Promise<Feed> {
  return parseFeedText(await fixtureText(name), { url: fixtureUrl(name) });
}

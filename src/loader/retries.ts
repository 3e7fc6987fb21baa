/**
 * How often the loader retries a tag whose code failed, each time under its own address
 * (`chunks/mlo-news-list.js?retry=1` …): a module address that failed stays failed for the page, per
 * HTML. The embed builder's import map lists the integrity of each of these addresses.
 */
export const RETRIES = 3;

/** The address of attempt `attempt` (0: the file itself). */
export function retryAddress(file: string, attempt: number): string {
  return attempt > 0 ? `${file}?retry=${attempt}` : file;
}

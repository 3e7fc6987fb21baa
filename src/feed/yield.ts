/**
 * Gives the main thread back between slices of work, so input and rendering are never held up for
 * long. Resumes in a task queued behind the others (`scheduler.postTask`), so that the page paints and
 * the reader's keys are answered in between: continuations of `scheduler.yield()`, which go ahead of
 * other tasks and of rendering, held the next paint back for 100 ms and more at 4x CPU (sixty widgets
 * rendering, an archive being indexed: bench/long-tasks.mjs --frames). Elsewhere a message channel is
 * used, because nested `setTimeout(0)` calls are clamped to 4 ms and throttled in background tabs.
 * Works in Workers and Node too.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (callback: () => void) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined);
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * How long one slice of main-thread work (rendering many elements, reading a feed page) runs before the
 * rest waits for the next task: well under the 50 ms of a long task, even on a phone four times slower.
 */
export const SLICE_MS = 16;

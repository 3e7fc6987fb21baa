/**
 * Gives the main thread back between slices of work, so input and rendering are never held up for
 * long. `scheduler.yield()` (Chromium) resumes ahead of other queued tasks: for work the reader is
 * waiting for. Work that can wait (`behindOtherTasks`: indexing an archive in the background) resumes
 * in a task queued behind the others (`scheduler.postTask`), so that frames are painted in between:
 * continuations of `scheduler.yield()` one after another hold the next paint back for up to 100 ms.
 * Elsewhere a message channel is used, because nested `setTimeout(0)` calls are clamped to 4 ms and
 * throttled in background tabs. Works in Workers and Node too.
 */
export function yieldToMain(behindOtherTasks = false): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void>; postTask?: (callback: () => void) => Promise<void> } }).scheduler;
  if (behindOtherTasks && typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined);
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
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

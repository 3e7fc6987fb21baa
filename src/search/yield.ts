/**
 * Gives the main thread back between slices of work, so input and rendering are never held up for
 * long. `scheduler.yield()` (Chromium) resumes ahead of other queued tasks; elsewhere a message
 * channel is used, because nested `setTimeout(0)` calls are clamped to 4 ms and throttled in
 * background tabs. Works in Workers and Node too.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
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

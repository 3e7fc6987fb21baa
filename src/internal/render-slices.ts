/**
 * Rendering in slices. When data arrives for many elements at once (sixty widgets on one feed, which
 * share one request), Lit would run every update in the same task: hundreds of milliseconds on
 * a slow phone, with taps and keys waiting. An element that renders through `renderInSlices` updates at once
 * while the current task has run for less than `SLICE_MS`; past that it waits for the next slice, which
 * starts after the main thread has been given back (`yieldToMain`: input and paint go first). So no task runs
 * much longer than a slice plus one element's update, and a page that renders little never waits at all.
 *
 * The check and the update run in one synchronous step (see `renderInSlices`), so that elements resuming in
 * the same slice each see the time their predecessors took.
 */
import { SLICE_MS, yieldToMain } from '../feed/yield.js';

let sliceStart: number | undefined;
let resetQueued = false;
let nextSlice: Promise<void> | undefined;
let channel: MessageChannel | undefined;

/** Forgets the slice once the current task has ended (a message arrives in a later task). */
function queueReset(): void {
  if (resetQueued) return;
  resetQueued = true;
  const reset = (): void => {
    resetQueued = false;
    sliceStart = undefined;
  };
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = reset;
    }
    channel.port2.postMessage(null);
  } else {
    setTimeout(reset, 0);
  }
}

/** True when the current task has already rendered for a slice. */
function overBudget(): boolean {
  const now = performance.now();
  if (sliceStart === undefined) {
    sliceStart = now;
    queueReset();
  }
  return now - sliceStart >= SLICE_MS;
}

function waitForNextSlice(): Promise<void> {
  nextSlice ??= yieldToMain().then(() => {
    nextSlice = undefined;
    sliceStart = performance.now();
    queueReset();
  });
  return nextSlice;
}

/**
 * Runs `update` now if the current task has time left, else in a later slice: for an element's
 * `scheduleUpdate()`, as `return renderInSlices(this, () => super.scheduleUpdate())`.
 *
 * An element's first update always runs at once: it draws the placeholder of the final size (or, for a
 * list's cards, their content), and an element painted before it would be a box of no height for a frame,
 * then grow: a layout shift. So a list renders with its cards, in one slice; what is sliced is the
 * updates that follow, such as many elements' content arriving with one shared feed.
 */
export function renderInSlices(host: { readonly hasUpdated: boolean }, update: () => unknown): Promise<unknown> | undefined {
  if (typeof performance === 'undefined' || !host.hasUpdated || !overBudget()) {
    const result = update();
    return result instanceof Promise ? result : undefined;
  }
  return (async () => {
    do await waitForNextSlice();
    while (overBudget());
    return update();
  })();
}

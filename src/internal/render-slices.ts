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
import { ON_SERVER } from './environment.js';

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

/**
 * Work of ours has begun in the current task: the slice counts from here. For registering an element, which
 * upgrades every one already on the page at once (sixty cards: tens of milliseconds on a slow phone),
 * so that their first updates then see how much of the task is gone. Reads the reservation marker too.
 */
export function sliceStartsHere(): void {
  // Not under server rendering: the reset's MessageChannel would keep Node running.
  if (ON_SERVER || typeof performance === 'undefined') return;
  overBudget();
  // Before the upgrades dirty the page's styles, while reading the marker costs least.
  if (typeof document !== 'undefined') documentReserves(document);
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
 * Our elements' ElementInternals have one owner, this module: ElementInternals can be attached once per element.
 * Attached only when an element first has to wait, so that a page that renders little never pays for it.
 */
const internals = new WeakMap<HTMLElement, ElementInternals>();
const reservingDocuments = new WeakMap<Document, boolean>();

/**
 * True when the page holds `element`'s room while its first render waits: the reservation stylesheet
 * (dist/mlo-widgets.css, src/loader/reserve.css) is linked, says so on the root (`--mlo-reservation`, read once
 * a page), and sizes elements in the `pending` custom state; `element` is in the document's own tree (that sheet
 * does not reach into shadow roots, where a list's cards render with their list). Custom states: `markPending`.
 */
function holdsRoom(element: HTMLElement): boolean {
  return element.getRootNode() === element.ownerDocument && documentReserves(element.ownerDocument);
}

/** Hosts kept `pending` by `holdRoomWhile`, with how many holds each has. */
const heldHosts = new WeakMap<Element, number>();

/** True when `element` is in the shadow root of a host whose room is held: nothing of it shows yet. */
function insideHeldHost(element: HTMLElement): boolean {
  const root = element.getRootNode();
  return root instanceof ShadowRoot && heldHosts.has(root.host);
}

/**
 * Reads the marker once a page, when the first element is registered (`sliceStartsHere`) or first schedules:
 * reading a computed style brings the page's styles up to date, which costs least before any of our
 * elements has connected or rendered.
 */
function documentReserves(document: Document): boolean {
  let reserving = reservingDocuments.get(document);
  if (reserving === undefined) {
    const view = document.defaultView;
    reserving = view !== null && view.getComputedStyle(document.documentElement).getPropertyValue('--mlo-reservation').trim() === 'pending';
    reservingDocuments.set(document, reserving);
  }
  return reserving;
}

/** Puts `element` in the `pending` state (`:state(pending)`), or says it cannot: an older browser, internals taken. */
function markPending(element: HTMLElement): CustomStateSet | undefined {
  try {
    let attached = internals.get(element);
    if (!attached) {
      attached = element.attachInternals();
      internals.set(element, attached);
    }
    attached.states.add('pending');
    return attached.states;
  } catch {
    // No CustomStateSet, or one that takes only `--dashed` names (Chromium before 125).
    return undefined;
  }
}

/**
 * Runs `update` now if the current task has time left, else in a later slice: for an element's
 * `scheduleUpdate()`, as `return renderInSlices(this, () => super.scheduleUpdate())`.
 *
 * A first update waits too, but only while the page holds the element's room (`holdsRoom`): the element
 * is in the `pending` state, which the reservation stylesheet sizes as it sizes an element not yet defined,
 * until the update runs. Elsewhere an element that waited would be painted as a box of no height for a
 * frame, then grow (a layout shift), so its first update runs at once; a list's cards, in its shadow root,
 * render with their list, in one slice, unless the list holds its room meanwhile (`holdRoomWhile`).
 */
export function renderInSlices(host: HTMLElement & { readonly hasUpdated: boolean }, update: () => unknown): Promise<unknown> | undefined {
  if (typeof performance === 'undefined') return runNow(update);
  if (!host.hasUpdated) documentReserves(host.ownerDocument);
  if (!overBudget()) return runNow(update);
  // Shown already, or hidden with a host whose room is held: waiting moves nothing on the page.
  if (host.hasUpdated || insideHeldHost(host)) return inNextSlice(update);
  const states = holdsRoom(host) ? markPending(host) : undefined;
  if (!states) return runNow(update);
  return inNextSlice(() => {
    // Removed in the task that renders, so no frame shows the element without its room or its content;
    // kept while a hold (`holdRoomWhile`) lasts, which removes it when it ends.
    if (!heldHosts.has(host)) states.delete('pending');
    return update();
  });
}

/**
 * Keeps `host` in the `pending` state until `work` settles, where the page holds its room: the reservation
 * stylesheet keeps its size, its styles hide its content (`:host(:state(pending)) > *`), and the elements
 * in its shadow root may render their first updates in later slices. For a list whose cards would otherwise
 * all render in one task: the page shows the list once, whole. Called in the task that rendered `host`.
 */
export function holdRoomWhile(host: HTMLElement, work: Promise<unknown>): void {
  if (typeof performance === 'undefined' || !holdsRoom(host)) return;
  const states = markPending(host);
  if (!states) return;
  heldHosts.set(host, (heldHosts.get(host) ?? 0) + 1);
  const release = (): void => {
    const holds = (heldHosts.get(host) ?? 1) - 1;
    if (holds > 0) {
      heldHosts.set(host, holds);
      return;
    }
    heldHosts.delete(host);
    states.delete('pending');
  };
  work.then(release, release);
}

function runNow(update: () => unknown): Promise<unknown> | undefined {
  const result = update();
  return result instanceof Promise ? result : undefined;
}

async function inNextSlice(update: () => unknown): Promise<unknown> {
  do await waitForNextSlice();
  while (overBudget());
  return update();
}

/**
 * The Lit warning guard (test/helpers/lit-warnings.ts, loaded into every test page by
 * web-test-runner.config.mjs). A test that must fail cannot run in the suite, so these tests give a
 * misbehaving element a guard of their own for a moment and check what it recorded and how it marks
 * a test; the page's guard sees none of it.
 */
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { IssuedLitWarnings, LitWarningGuard, installedLitWarningGuard, type GuardedTest } from './helpers/lit-warnings.js';

type LitGlobal = typeof globalThis & { litIssuedWarnings?: Set<string> };

/** Requests an update from updated() once per `again` set: Lit's change-in-update warning. */
class UpdatesInUpdated extends LitElement {
  static override properties = { count: { type: Number } };
  declare count: number;
  again = false;

  constructor() {
    super();
    this.count = 0;
  }

  protected override updated(): void {
    if (this.again) {
      this.again = false;
      this.count += 1;
    }
  }

  protected override render() {
    return html`${this.count}`;
  }
}
customElements.define('mlo-lit-warnings-test-updates-in-updated', UpdatesInUpdated);

/** A stand-in for a mocha test. */
function fakeTest(title: string): GuardedTest {
  return { fullTitle: () => title, state: 'passed' };
}

/**
 * Runs `body` with `guard` in the place of the page's guard: Lit's warnings, and console.warn (quiet,
 * so the browser log stays clean), go to it.
 */
async function withGuard(guard: LitWarningGuard, body: () => Promise<void>): Promise<string[]> {
  const global = globalThis as LitGlobal;
  const pageSet = global.litIssuedWarnings;
  const pageWarn = console.warn;
  const printed: string[] = [];
  global.litIssuedWarnings = guard.issued;
  console.warn = guard.wrapConsoleWarn((...args: unknown[]) => printed.push(args.map(String).join(' ')));
  try {
    await body();
  } finally {
    global.litIssuedWarnings = pageSet;
    console.warn = pageWarn;
  }
  return printed;
}

async function misbehave(): Promise<void> {
  const element = new UpdatesInUpdated();
  document.body.append(element);
  try {
    await element.updateComplete;
    element.again = true;
    element.requestUpdate();
    // The update, the one updated() scheduled, and its completion.
    while (!(await element.updateComplete));
    expect(element.count).to.equal(1);
  } finally {
    element.remove();
  }
}

describe('Lit warning guard', () => {
  it('runs on Lit’s development build, with the guard’s set in place of litIssuedWarnings', () => {
    expect((LitElement as unknown as { enableWarning?: unknown }).enableWarning, 'ReactiveElement.enableWarning, dev build only').to.be.a('function');
    const guard = installedLitWarningGuard();
    expect(guard, 'installed by testRunnerHtml').to.be.instanceOf(LitWarningGuard);
    expect((globalThis as LitGlobal).litIssuedWarnings).to.equal(guard!.issued);
    expect(guard!.issued.has('dev-mode'), 'the dev-mode banner is allowed').to.equal(true);
  });

  it('records change-in-update in every test it happens in (no deduplication), against that test', async () => {
    const guard = new LitWarningGuard();
    const first = fakeTest('first');
    const second = fakeTest('second');
    const printed = await withGuard(guard, async () => {
      guard.testStarted(first);
      await misbehave();
      guard.testEnded(first);
      guard.testStarted(second);
      await misbehave();
      guard.testEnded(second);
    });

    for (const test of [first, second]) {
      expect(test.state, test.fullTitle()).to.equal('failed');
      expect(test.err?.message, test.fullTitle())
        .to.contain('Element mlo-lit-warnings-test-updates-in-updated scheduled an update')
        .and.to.contain('https://lit.dev/msg/change-in-update')
        .and.to.contain(`during "${test.fullTitle()}"`);
    }
    expect(printed.filter((line) => line.includes('change-in-update')), 'Lit still prints each one').to.have.length(2);
    expect(guard.take()).to.deep.equal([]);
  });

  it('leaves a test without warnings passed', () => {
    const guard = new LitWarningGuard();
    const test = fakeTest('quiet');
    guard.testStarted(test);
    expect(guard.testEnded(test)).to.equal(undefined);
    expect(test.state).to.equal('passed');
    expect(test.err).to.equal(undefined);
  });

  it('ignores the dev-mode banner, and adds to the error of a test that failed already', () => {
    const guard = new LitWarningGuard();
    const test = { ...fakeTest('broken'), state: 'failed', err: new Error('expected 1 to equal 2') };
    guard.testStarted(test);
    // What Lit's issueWarning does: ask has(message) and has(code), then add(message).
    for (const [code, message] of [
      ['dev-mode', 'Lit is in dev mode. Not recommended for production!'],
      ['change-in-update', 'Element x-y scheduled an update'],
      ['change-in-update', 'Element x-y scheduled an update'],
    ]) {
      if (!guard.issued.has(message!) && !guard.issued.has(code!)) guard.issued.add(message!);
    }
    guard.testEnded(test);
    expect(test.err.message).to.equal('expected 1 to equal 2\n\nLit warned (2):\n- Element x-y scheduled an update [during "broken"] (2 times)');
    expect(test.err.message).not.to.contain('dev mode');
  });

  it('blames a warning issued between tests on the next test, saying so, and throws for one after the last', () => {
    const guard = new LitWarningGuard();
    const first = fakeTest('first');
    const next = fakeTest('next');
    guard.testStarted(first);
    guard.testEnded(first);
    guard.issued.add('Late warning.');
    guard.testStarted(next);
    guard.testEnded(next);
    expect(next.err?.message).to.contain('Late warning. [after "first" finished, before the next test began]');

    guard.issued.add('Very late warning.');
    expect(() => guard.fileEnded()).to.throw('Very late warning.');
  });

  it('records lit-html’s direct console.warn warnings, and passes other console.warn calls through untouched', () => {
    const guard = new LitWarningGuard();
    const passed: unknown[][] = [];
    const warn = guard.wrapConsoleWarn((...args: unknown[]) => passed.push(args));
    warn('Attempted to render the template host', 'an element', 'inside itself.');
    warn('mlo-widgets: something of our own');
    expect(passed).to.have.length(2);
    expect(guard.take().map(({ message }) => message)).to.deep.equal(['Attempted to render the template host an element inside itself.']);
  });

  it('lets a code through when asked', () => {
    const issued = new IssuedLitWarnings(() => expect.fail('recorded'));
    issued.allow('change-in-update');
    expect(issued.has('change-in-update')).to.equal(true);
    expect(issued.has('async-perform-update')).to.equal(false);
  });
});

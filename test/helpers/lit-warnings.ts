/**
 * Fails a test on any warning of Lit's development build, which web-test-runner.config.mjs loads for
 * every test page (`exportConditions: ['development']`) and which this module guards: the config's
 * `testRunnerHtml` imports it right after the test framework and before the test file, so no test can
 * forget it.
 *
 * How Lit warns (@lit/reactive-element, lit-element, lit-html, development builds): `issueWarning(code,
 * message)` does `console.warn(message)` and `litIssuedWarnings.add(message)` unless
 * `globalThis.litIssuedWarnings` already `has(message)` or `has(code)`; each Lit module adopts the set
 * that is already there (`??=`) and reads it anew on every warning. So this module puts its own set
 * there before Lit loads: `has()` knows only the allowed codes (the dev-mode banner, expected once per
 * page), `add()` records. Nothing is deduplicated, so a second `change-in-update` in a later test (or
 * the same test) is seen too. lit-html also writes two warnings with `console.warn` directly; a
 * wrapper of `console.warn` records those. (A test that replaces `console.warn` for itself, as
 * define.test.ts does, hides only those two from the guard, never an `issueWarning` one.)
 *
 * The root `afterEach` marks the test that just ran as failed, with the warnings' text, in the mocha
 * tree that @web/test-runner-mocha reads its results from. It does not throw: a failing root
 * `afterEach` hook would make mocha skip every later test of the file. Warnings that arrive between
 * tests (the guard's root hooks come first, so a test file's own root `afterEach`, such as a fixture's
 * cleanup, runs after its check; or a `before`) fail the next test, saying so; any left after the last
 * test fail the file through a root `after` hook.
 */

/** Codes (or whole messages) Lit may issue without failing a test. */
export const ALLOWED_LIT_WARNINGS: readonly string[] = ['dev-mode'];

/** The beginnings of the warnings lit-html writes with console.warn itself, not through issueWarning. */
const DIRECT_LIT_WARNINGS = ['Some template strings are undefined', 'Attempted to render the template host'];

export interface LitWarning {
  message: string;
  /** Where it was issued: `during "<full test title>"`, or between tests. */
  where: string;
  /** The call stack that issued it (without the guard's own frames). */
  stack: string;
}

/** The part of a mocha test the guard reads and marks. */
export interface GuardedTest {
  fullTitle(): string;
  state?: string;
  err?: Error;
}

/**
 * The set Lit finds at `globalThis.litIssuedWarnings`. It has only the allowed codes, so Lit issues
 * every other warning every time, and it hands each issued warning to `record` instead of keeping it.
 */
export class IssuedLitWarnings extends Set<string> {
  #record: (message: string) => void;

  constructor(record: (message: string) => void, allowed: Iterable<string> = ALLOWED_LIT_WARNINGS) {
    super();
    this.#record = record;
    for (const code of allowed) super.add(code);
  }

  /** Called by Lit's issueWarning with the full message, right after it console.warn-ed it. */
  override add(message: string): this {
    this.#record(message);
    return this;
  }

  /** Lets a code (or a whole message) through without failing the test; for a test that provokes it on purpose. */
  allow(code: string): void {
    super.add(code);
  }
}

export class LitWarningGuard {
  readonly issued: IssuedLitWarnings;
  #pending: LitWarning[] = [];
  /** The running test's full title, or null between tests. */
  #current: string | null = null;
  /** The last test that finished, to say where a warning between tests came from. */
  #previous: string | null = null;

  constructor(allowed: Iterable<string> = ALLOWED_LIT_WARNINGS) {
    this.issued = new IssuedLitWarnings((message) => this.record(message), allowed);
  }

  /** Records one Lit warning, against the running test if there is one. */
  record(message: string): void {
    const where =
      this.#current !== null
        ? `during "${this.#current}"`
        : this.#previous !== null
          ? `after "${this.#previous}" finished, before the next test began`
          : 'before the first test began';
    const stack = (new Error().stack ?? '')
      .split('\n')
      .slice(1)
      .filter((line) => !line.includes('/lit-warnings.ts'))
      .join('\n');
    this.#pending.push({ message, where, stack });
  }

  /** A console.warn that records lit-html's direct warnings and then does what `original` does. */
  wrapConsoleWarn(original: (...args: unknown[]) => void): (...args: unknown[]) => void {
    const record = (message: string): void => this.record(message);
    return function warn(this: unknown, ...args: unknown[]): void {
      const [first] = args;
      if (typeof first === 'string' && DIRECT_LIT_WARNINGS.some((start) => first.startsWith(start))) {
        record(args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' '));
      }
      original.apply(this, args);
    };
  }

  /** The warnings recorded and not yet reported; reporting empties the list. */
  take(): LitWarning[] {
    return this.#pending.splice(0);
  }

  /** An Error naming every warning of `warnings`, or undefined if there are none. */
  static error(warnings: readonly LitWarning[]): Error | undefined {
    if (warnings.length === 0) return undefined;
    const counted = new Map<string, number>();
    for (const { message, where } of warnings) {
      const line = `${message} [${where}]`;
      counted.set(line, (counted.get(line) ?? 0) + 1);
    }
    const lines = [...counted].map(([line, count]) => `- ${line}${count > 1 ? ` (${count} times)` : ''}`);
    const error = new Error(`Lit warned (${warnings.length}):\n${lines.join('\n')}`);
    error.name = 'LitWarning';
    // Where the first one was issued, rather than where the guard noticed it. Only the message's first
    // line: the test runner prints the message, then the stack without its first line.
    error.stack = `${error.name}: Lit warned (${warnings.length}):\n${warnings[0]!.stack}`;
    return error;
  }

  /** Root beforeEach: warnings from here on belong to `test`. */
  testStarted(test: GuardedTest): void {
    this.#current = test.fullTitle();
  }

  /**
   * Root afterEach: if Lit warned since the last check, marks `test` as failed with the warnings'
   * text (added to its own error if it failed already). Returns that error, or undefined.
   */
  testEnded(test: GuardedTest): Error | undefined {
    const error = LitWarningGuard.error(this.take());
    this.#previous = test.fullTitle();
    this.#current = null;
    if (!error) return undefined;
    if (test.state === 'failed' && test.err) {
      test.err.message += `\n\n${error.message}`;
    } else {
      test.state = 'failed';
      test.err = error;
    }
    return error;
  }

  /** Root after: throws if Lit warned after the last test's check. */
  fileEnded(): void {
    const error = LitWarningGuard.error(this.take());
    if (error) throw error;
  }
}

const INSTALLED = Symbol.for('mlo-widgets.lit-warning-guard');

type GuardGlobal = typeof globalThis & {
  litIssuedWarnings?: Set<string>;
  mocha?: { suite: Mocha.Suite };
  [INSTALLED]?: LitWarningGuard;
};

/** The guard installed on this page, if any (shared by every copy of this module). */
export function installedLitWarningGuard(): LitWarningGuard | undefined {
  return (globalThis as GuardGlobal)[INSTALLED];
}

/**
 * Installs the guard on this page once: the set at `globalThis.litIssuedWarnings`, the console.warn
 * wrapper, and root hooks on mocha's root suite (if mocha is on the page; hooks added to the root suite
 * before the test file loads run for every test of it).
 */
export function installLitWarningGuard(): LitWarningGuard {
  const global = globalThis as GuardGlobal;
  const existing = global[INSTALLED];
  if (existing) return existing;

  const guard = new LitWarningGuard();
  // Lit loaded before the guard (it should not): whatever it issued already counts.
  const before = global.litIssuedWarnings;
  global.litIssuedWarnings = guard.issued;
  for (const message of before ?? []) {
    if (!ALLOWED_LIT_WARNINGS.includes(message)) guard.record(`${message} (issued before the Lit warning guard was installed)`);
  }
  console.warn = guard.wrapConsoleWarn(console.warn);

  const root = global.mocha?.suite;
  if (root) {
    root.beforeEach('Lit warning guard: note the running test', function (this: Mocha.Context) {
      if (this.currentTest) guard.testStarted(this.currentTest);
    });
    root.afterEach('Lit warning guard: fail the test if Lit warned', function (this: Mocha.Context) {
      if (this.currentTest) guard.testEnded(this.currentTest);
    });
    root.afterAll('Lit warning guard: Lit warned after the last test', () => guard.fileEnded());
  }
  global[INSTALLED] = guard;
  return guard;
}

installLitWarningGuard();

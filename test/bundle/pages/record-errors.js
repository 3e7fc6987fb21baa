// Loaded first by every page in this folder: records what a webmaster's console would show (errors,
// unhandled rejections, CSP violations, warnings) and which tags get defined, for the tests to read
// from the frame as `window.__mloRecord`. A plain external script, so it runs under a strict CSP too.
(() => {
  const record = { errors: [], violations: [], warnings: [], defined: [] };
  window.__mloRecord = record;
  const describe = (value) => String((value && value.stack) || value);
  window.addEventListener('error', (event) => {
    // Script errors only: failed images and other resources are not exceptions.
    if (event instanceof ErrorEvent) record.errors.push(describe(event.error || event.message));
  });
  window.addEventListener('unhandledrejection', (event) => record.errors.push(`Unhandled rejection: ${describe(event.reason)}`));
  // Capturing on window sees violations from inside shadow roots too (the event is composed).
  window.addEventListener(
    'securitypolicyviolation',
    (event) => record.violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
    true,
  );
  const { warn, error } = console;
  console.warn = (...args) => {
    record.warnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  console.error = (...args) => {
    record.errors.push(`console.error: ${args.map(String).join(' ')}`);
    error.apply(console, args);
  };
  const define = customElements.define;
  customElements.define = function (name, ...rest) {
    record.defined.push(name);
    return define.call(this, name, ...rest);
  };
})();

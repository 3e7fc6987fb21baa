// V8's explicit compile hint for a whole file (Chrome 136+, https://v8.dev/blog/explicit-compile-hints): a
// script that starts with this line has every function compiled with the script, which for a file from the
// network happens off the main thread while it streams, instead of one function at a time on first call.
// The build starts the files an element's first render runs with it (vite.config.ts); the speed benchmarks
// give it to the bundles they build the same way (bench/render.mjs, bench/startup.mjs).
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

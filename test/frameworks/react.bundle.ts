/**
 * React 19 for the browser tests: react and react-dom ship CommonJS only, so this module is served
 * bundled by esbuild (web-test-runner.config.mjs, `*.bundle.ts`), development build.
 */
export { createElement, useState, type ReactElement } from 'react';
export { flushSync } from 'react-dom';
export { createRoot, type Root } from 'react-dom/client';

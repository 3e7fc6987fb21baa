/**
 * Renders a template into the document, and removes it after each test. Not open-wc's `fixture()`:
 * for a plain wrapper element it waits for an animation frame, which a page in the background of
 * the test runner may never get.
 */
import { render, type TemplateResult } from 'lit';

const mounted: HTMLElement[] = [];

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

/** A fresh container at the end of `parent` (default `<body>`), removed after the test. */
export function mountContainer(parent: HTMLElement = document.body): HTMLElement {
  const container = document.createElement('div');
  parent.append(container);
  mounted.push(container);
  return container;
}

/** Renders `template` into a fresh container and returns its first element (the example's frame). */
export function mount(template: TemplateResult): HTMLElement {
  const container = mountContainer();
  render(template, container);
  return container.firstElementChild as HTMLElement;
}

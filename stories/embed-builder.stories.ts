/**
 * The embed builder for webmasters (stories/embed-builder.ts): pick an element and its options,
 * see it live, copy the snippet with the script's integrity hash. The hash is computed from
 * /dist/mlo-widgets.js, which the storybook scripts build first and serve (see .storybook/main.ts).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './embed-builder.js';

const meta: Meta = {
  title: 'Embed and theme/Embed builder',
  // The builder's own page, not an element: no API table to generate.
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: { description: { component: 'Pick an element and its options, see it live, and copy the snippet for your page.' } },
  },
  // The builder has its own language and theme choices for the element it builds.
  globals: { theme: 'light', locale: 'en', width: 'full', direction: 'ltr' },
  render: () => html`<embed-builder></embed-builder>`,
};

export default meta;

export const EmbedBuilder: StoryObj = { name: 'Embed builder' };

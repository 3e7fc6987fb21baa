/**
 * `<mlo-archive-search>` in every state. Each story renders one named example of
 * fixtures/archive-search.ts, the same one its test renders. Type in the box: results come as you
 * type (try a typo, a word without diacritics, or a word in the other script).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/archive-search/define.js';
import { examples, renderArchiveSearchExample, type ArchiveSearchExample } from '../fixtures/archive-search.js';

const meta = {
  title: 'Elements/mlo-archive-search',
  component: 'mlo-archive-search',
  tags: ['autodocs'],
  render: (args) => renderArchiveSearchExample(args),
  args: examples.default,
} satisfies Meta<ArchiveSearchExample>;

export default meta;

type Story = StoryObj<ArchiveSearchExample>;

function story(example: ArchiveSearchExample): Story {
  return { args: example, parameters: { docs: { description: { story: example.description } } } };
}

export const Default = story(examples.default);
export const Results = story(examples.results);
export const Typo = story(examples.typo);
export const Diacritics = story(examples.diacritics);
export const Transliteration = story(examples.transliteration);
export const SerbianCyrillic = story(examples.serbianCyrillic);
export const SerbianLatin = story(examples.serbianLatin);
export const NoResults = story(examples.noResults);
export const PagedFeed = story(examples.paged);
export const Prebuilt = story(examples.prebuilt);
export const NamedIndex = story(examples.namedIndex);
export const UrlSync = story(examples.urlSync);
export const Empty = story(examples.empty);
export const Loading = story(examples.loading);
export const ErrorState = story(examples.error);
export const NotAFeed = story(examples.notAFeed);
export const NoSource = story(examples.noSource);
export const Hostile = story(examples.hostile);

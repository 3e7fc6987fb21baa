/**
 * `<mlo-news-list>` in every layout and state. Each story renders one named example of
 * fixtures/news-list.ts, the same one its test renders.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/news-list/define.js';
import { examples, renderNewsListExample, type NewsListExample } from '../fixtures/news-list.js';

const meta = {
  title: 'Elements/mlo-news-list',
  component: 'mlo-news-list',
  tags: ['autodocs'],
  render: (args) => renderNewsListExample(args),
  args: examples.default,
  argTypes: {
    layout: { control: 'inline-radio', options: ['list', 'grid', 'headlines'] },
    limit: { control: { type: 'number', min: 1, max: 100 } },
    feed: { control: false },
    savedCopy: { control: false },
  },
} satisfies Meta<NewsListExample>;

export default meta;

type Story = StoryObj<NewsListExample>;

function story(example: NewsListExample): Story {
  return { args: example, parameters: { docs: { description: { story: example.description } } } };
}

export const Default = story(examples.default);
export const Grid = story(examples.grid);
export const Headlines = story(examples.headlines);
export const Limit = story(examples.limit);
export const Tag = story(examples.tag);
export const Year = story(examples.year);
export const ItemLanguage = story(examples.itemLanguage);
export const Paged = story(examples.paged);
export const YearOnLaterPage = story(examples.yearOnLaterPage);
export const DemoFeed = story(examples.demoFeed);
export const DemoFeedCyrillic = story(examples.demoFeedCyrillic);
export const Data = story(examples.data);
export const NewTab = story(examples.newTab);
export const Loading = story(examples.loading);
export const NoSource = story(examples.noSource);
export const Empty = story(examples.empty);
export const NoMatches = story(examples.noMatches);
export const ErrorState = story(examples.error);
export const NotAFeed = story(examples.notAFeed);
export const BrokenJson = story(examples.brokenJson);
export const Stale = story(examples.stale);
export const Untitled = story(examples.untitled);
export const SomeBadItems = story(examples.someBadItems);
export const RealWorld = story(examples.realWorld);
export const Hostile = story(examples.hostile);
export const Narrow = story(examples.narrow);
export const SerbianLatin = story(examples.serbianLatin);
export const SerbianCyrillic = story(examples.serbianCyrillic);

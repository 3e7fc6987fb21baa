/**
 * `<mlo-article-card>` in every variant and state. Each story renders one named example of
 * fixtures/article-card.ts, the same one its test renders.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/article-card/define.js';
import { examples, renderArticleCardExample, type ArticleCardExample } from '../fixtures/article-card.js';

const meta = {
  title: 'Elements/mlo-article-card',
  component: 'mlo-article-card',
  tags: ['autodocs'],
  render: (args) => renderArticleCardExample(args),
  args: examples.teaser,
  argTypes: {
    variant: { control: 'inline-radio', options: ['teaser', 'headline', 'full'] },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    article: { control: false },
  },
} satisfies Meta<ArticleCardExample>;

export default meta;

type Story = StoryObj<ArticleCardExample>;

function story(example: ArticleCardExample): Story {
  return { args: example, parameters: { docs: { description: { story: example.description } } } };
}

export const Teaser = story(examples.teaser);
export const TeaserNarrow = story(examples.teaserNarrow);
export const TeaserFromData = story(examples.teaserFromData);
export const Headline = story(examples.headline);
export const Full = story(examples.full);
export const DemoArticle = story(examples.demoArticle);
export const FullWithDownloads = story(examples.fullWithDownloads);
export const ByUrl = story(examples.byUrl);
export const Newest = story(examples.newest);
export const HeadingLevel = story(examples.headingLevel);
export const NewTab = story(examples.newTab);
export const SerbianLatin = story(examples.serbianLatin);
export const SerbianCyrillic = story(examples.serbianCyrillic);
export const Untitled = story(examples.untitled);
export const UntitledFull = story(examples.untitledFull);
export const NoLink = story(examples.noLink);
export const OlderPage = story(examples.olderPage);
export const RealWorld = story(examples.realWorld);
export const Loading = story(examples.loading);
export const NotFound = story(examples.notFound);
export const ErrorState = story(examples.error);
export const HostileTeaser = story(examples.hostileTeaser);
export const HostileFull = story(examples.hostileFull);
export const HostileLongTitle = story(examples.hostileLongTitle);

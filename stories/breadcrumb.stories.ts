/**
 * `<mlo-breadcrumb>` in every state. Each story renders one named example of fixtures/breadcrumb.ts,
 * the same one its test renders.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/breadcrumb/define.js';
import { examples, renderBreadcrumbExample, type BreadcrumbExample } from '../fixtures/breadcrumb.js';

const meta = {
  title: 'Elements/mlo-breadcrumb',
  component: 'mlo-breadcrumb',
  tags: ['autodocs'],
  render: (args) => renderBreadcrumbExample(args),
  args: examples.default,
} satisfies Meta<BreadcrumbExample>;

export default meta;

type Story = StoryObj<BreadcrumbExample>;

function story(example: BreadcrumbExample): Story {
  return { args: example, parameters: { docs: { description: { story: example.description } } } };
}

export const Default = story(examples.default);
export const ListMarkup = story(examples.listMarkup);
export const FromFeed = story(examples.fromFeed);
export const DemoFeed = story(examples.demoFeed);
export const DemoFeedCyrillic = story(examples.demoFeedCyrillic);
export const TrailOnly = story(examples.trailOnly);
export const EditorialYear = story(examples.editorialYear);
export const YearWithoutArchivePage = story(examples.yearWithoutArchivePage);
export const Untitled = story(examples.untitled);
export const PagedFeed = story(examples.pagedFeed);
export const Narrow = story(examples.narrow);
export const LongName = story(examples.longName);
export const RightToLeft = story(examples.rightToLeft);
export const SerbianLatin = story(examples.serbianLatin);
export const SerbianCyrillic = story(examples.serbianCyrillic);
export const Loading = story(examples.loading);
export const CustomLabel = story(examples.customLabel);
export const NoJsonLd = story(examples.noJsonLd);
export const Hostile = story(examples.hostile);
export const HostileFeed = story(examples.hostileFeed);
export const HostileLongTitle = story(examples.hostileLongTitle);
export const NotFound = story(examples.notFound);
export const ErrorState = story(examples.error);
export const NotAFeed = story(examples.notAFeed);
export const FeedWithoutTrail = story(examples.feedWithoutTrail);
export const Empty = story(examples.empty);

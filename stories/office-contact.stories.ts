/**
 * `<mlo-office-contact>` in every state. Each story renders one named example of
 * fixtures/office-contact.ts, the same one its test renders.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/elements/office-contact/define.js';
import { examples, renderOfficeContactExample, type OfficeContactExample } from '../fixtures/office-contact.js';

const meta = {
  title: 'Elements/mlo-office-contact',
  component: 'mlo-office-contact',
  tags: ['autodocs'],
  render: (args) => renderOfficeContactExample(args),
  args: examples.default,
} satisfies Meta<OfficeContactExample>;

export default meta;

type Story = StoryObj<OfficeContactExample>;

function story(example: OfficeContactExample): Story {
  return { args: example, parameters: { docs: { description: { story: example.description } } } };
}

export const Default = story(examples.default);
export const SerbianLatin = story(examples.serbianLatin);
export const SerbianCyrillic = story(examples.serbianCyrillic);
export const FromFeed = story(examples.fromFeed);
export const DemoFeed = story(examples.demoFeed);
export const DemoFeedLatin = story(examples.demoFeedLatin);
export const Narrow = story(examples.narrow);
export const Wide = story(examples.wide);
export const HeadingLevel = story(examples.headingLevel);
export const NoMap = story(examples.noMap);
export const NoJsonLd = story(examples.noJsonLd);
export const OwnContent = story(examples.ownContent);
export const RightToLeft = story(examples.rightToLeft);
export const Hostile = story(examples.hostile);
export const LongName = story(examples.longName);
export const NoOffices = story(examples.noOffices);
export const ErrorState = story(examples.error);
export const NotAFeed = story(examples.notAFeed);
export const Loading = story(examples.loading);

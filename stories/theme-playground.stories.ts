/**
 * The theme playground: all five elements on one page, reading the demo feed, with a control for
 * each main `--mlo-*` custom property. Designers change a colour, the font or the radius and see
 * every element follow. The values reach the elements through one constructed stylesheet (never a
 * `style` attribute), the way a partner site's own stylesheet would set them.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const DEMO_FEED = '/demo/feed/feed.json';
/** The real MLO Belgrade article, first item of the demo feed. */
const SOURCE_ARTICLE_ID = 'https://mlo-belgrade.example/newsroom/news-archive/2023/secretary-general-visits-belgrade';

/** The public custom properties the playground controls, each with the CSS property its value must fit. */
const THEME_PROPERTIES = {
  '--mlo-color-background': 'color',
  '--mlo-color-surface': 'color',
  '--mlo-color-text': 'color',
  '--mlo-color-text-muted': 'color',
  '--mlo-color-accent': 'color',
  '--mlo-color-accent-contrast': 'color',
  '--mlo-color-link': 'color',
  '--mlo-color-border': 'color',
  '--mlo-color-focus': 'color',
  '--mlo-color-highlight': 'color',
  '--mlo-font-family': 'font-family',
  '--mlo-heading-font-family': 'font-family',
  '--mlo-font-size': 'font-size',
  '--mlo-radius': 'border-radius',
  '--mlo-gap': 'gap',
} as const;

type ThemeProperty = keyof typeof THEME_PROPERTIES;
type ThemeArgs = Partial<Record<ThemeProperty, string>>;

/** The page around the elements: a header, two columns that stack in a narrow frame, a footer. */
const layoutSheet = new CSSStyleSheet();
layoutSheet.replaceSync(`
  .mlo-theme-playground { display: grid; gap: 1.5em; padding: 1.5em; container-type: inline-size; }
  .mlo-theme-playground__columns { display: grid; gap: 1.5em; }
  @container (min-width: 50em) {
    .mlo-theme-playground__columns { grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); }
  }
`);
/** One sheet per story, so that stories shown together on the docs page keep their own values. */
const themeSheets = new Map<string, CSSStyleSheet>();

/**
 * The rule a partner site would write, from the controls. A value that is not valid for its CSS
 * property (checked with CSS.supports) is left out, so no control can break out of the rule.
 */
function themeRule(storyId: string, args: ThemeArgs): string {
  const declarations: string[] = [];
  for (const [name, cssProperty] of Object.entries(THEME_PROPERTIES)) {
    const value = args[name as ThemeProperty]?.trim();
    if (value && CSS.supports(cssProperty, value)) declarations.push(`  ${name}: ${value};`);
  }
  return `.mlo-theme-playground[data-story='${CSS.escape(storyId)}'] {\n${declarations.join('\n')}\n}`;
}

function applyTheme(storyId: string, args: ThemeArgs): void {
  let themeSheet = themeSheets.get(storyId);
  if (!themeSheet) {
    themeSheet = new CSSStyleSheet();
    themeSheets.set(storyId, themeSheet);
  }
  themeSheet.replaceSync(themeRule(storyId, args));
  const missing = [layoutSheet, themeSheet].filter((sheet) => !document.adoptedStyleSheets.includes(sheet));
  if (missing.length > 0) document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...missing];
}

const colorControl = { control: 'color', table: { category: 'Colours' } } as const;
const textControl = (category: string, description: string) => ({ control: 'text', description, table: { category } }) as const;

const meta: Meta<ThemeArgs> = {
  title: 'Embed and theme/Theme playground',
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'All five elements reading the demo feed. Each control sets one public `--mlo-*` custom property on the ' +
          'container, as a partner site would in its own stylesheet; the toolbar switches language, theme, width and direction. ' +
          'Leave a control empty to see the built-in value (light or dark).',
      },
    },
  },
  argTypes: {
    '--mlo-color-background': { ...colorControl, description: 'Page-like background of panels and the search box.' },
    '--mlo-color-surface': { ...colorControl, description: 'Background of cards, state blocks and office units.' },
    '--mlo-color-text': { ...colorControl, description: 'Body text.' },
    '--mlo-color-text-muted': { ...colorControl, description: 'Dates, captions, secondary text.' },
    '--mlo-color-accent': { ...colorControl, description: 'Buttons and accents.' },
    '--mlo-color-accent-contrast': { ...colorControl, description: 'Text on the accent colour.' },
    '--mlo-color-link': { ...colorControl, description: 'Links.' },
    '--mlo-color-border': { ...colorControl, description: 'Borders and separators.' },
    '--mlo-color-focus': { ...colorControl, description: 'The keyboard focus ring.' },
    '--mlo-color-highlight': { ...colorControl, description: 'Search matches.' },
    '--mlo-font-family': textControl('Type', 'Body font stack, e.g. Georgia, serif.'),
    '--mlo-heading-font-family': textControl('Type', 'Heading font stack (defaults to the body font).'),
    '--mlo-font-size': textControl('Type', 'Base size in px; every size inside the elements is relative to it.'),
    '--mlo-radius': textControl('Shape', 'Corner radius, e.g. 0 or 0.5em.'),
    '--mlo-gap': textControl('Shape', 'Space between items.'),
  },
  args: {
    '--mlo-font-size': '16px',
    '--mlo-radius': '0.375em',
  },
  render: (args, context) => {
    applyTheme(context.id, args);
    return html`<div class="mlo-theme-playground" data-story=${context.id}>
      <div class="mlo-theme-playground__header">
        <mlo-archive-search src=${DEMO_FEED} limit="5"></mlo-archive-search>
      </div>
      <mlo-breadcrumb src=${DEMO_FEED} article-id=${SOURCE_ARTICLE_ID}></mlo-breadcrumb>
      <div class="mlo-theme-playground__columns">
        <div class="mlo-theme-playground__main">
          <mlo-article-card variant="full" src=${DEMO_FEED} article-id=${SOURCE_ARTICLE_ID} heading-level="1"></mlo-article-card>
        </div>
        <aside class="mlo-theme-playground__aside" aria-label="Latest news">
          <mlo-news-list src=${DEMO_FEED} layout="headlines" limit="5" heading-level="2"></mlo-news-list>
        </aside>
      </div>
      <section class="mlo-theme-playground__grid" aria-label="News archive">
        <mlo-news-list src=${DEMO_FEED} layout="grid" limit="6" heading-level="2"></mlo-news-list>
      </section>
      <footer class="mlo-theme-playground__footer">
        <mlo-office-contact src=${DEMO_FEED} heading-level="2"></mlo-office-contact>
      </footer>
    </div>`;
  },
};

export default meta;

type Story = StoryObj<ThemeArgs>;

/** The built-in look: only the base font size and radius are set. */
export const Default: Story = {};

/**
 * A partner site with its own brand: a serif type, square corners and a green accent. The palette is
 * a light one (a site that themes dark sets its own dark values too), so the story stays light.
 */
export const PartnerBrand: Story = {
  globals: { theme: 'light' },
  args: {
    '--mlo-font-family': "Georgia, 'Times New Roman', serif",
    '--mlo-heading-font-family': "Georgia, 'Times New Roman', serif",
    '--mlo-color-accent': '#1f5f3a',
    '--mlo-color-link': '#1f5f3a',
    '--mlo-color-focus': '#b8420b',
    '--mlo-radius': '0',
  },
};

/** Larger text: every size follows `--mlo-font-size`, whatever the page's own root font size. */
export const LargeText: Story = {
  args: { '--mlo-font-size': '20px' },
};

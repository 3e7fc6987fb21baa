import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FeedError } from '../../feed/errors.js';
import type { ContactUnit, Feed, JsonFeed, Office } from '../../feed/types.js';
import { emailAddress } from '../../feed/parse.js';
import { safeUrl } from '../../feed/urls.js';
import type { Locale } from '../../i18n/locale.js';
import { officeContactMessages, type OfficeContactMessages } from '../../i18n/messages/office-contact.js';
import { FeedController } from '../../internal/feed-controller.js';
import { renderEmpty, renderFeedError } from '../../internal/feed-states.js';
import { ON_SERVER } from '../../internal/environment.js';
import { hydrateOnlyIf } from '../../internal/hydration.js';
import { LightDomController } from '../../internal/light-dom.js';
import { MloElement } from '../../internal/mlo-element.js';
import { buttonStyles, hostStyles, skeletonStyles, stateStyles } from '../../internal/styles.js';
import { removeJsonLd, serverJsonLd, writeJsonLd } from '../../internal/json-ld.js';
import { validHeadingLevel, renderHeading } from '../../internal/templates.js';
import { styles } from './office-contact.styles.js';

/** MLO Belgrade is in Serbia; the embedded default does not print the country, but search engines want it. */
const EMBEDDED_COUNTRY_CODE = 'RS';
const DEFAULT_HEADING_LEVEL = 2;
const OPENSTREETMAP_SEARCH = 'https://www.openstreetmap.org/search';
/** Light-DOM children that are not content of the page's own: scripts (our JSON-LD among them), styles, templates. */
const NOT_CONTENT = 'script, style, template';

/**
 * The embedded contact of each language with every field an own property (undefined where absent), as
 * the parser writes a feed's: a page's polluted `Object.prototype` cannot add a heading, a link or a phone.
 */
const embedded = new Map<Locale, Office[]>();
function embeddedOffices(locale: Locale): Office[] {
  let offices = embedded.get(locale);
  if (!offices) {
    const { name, units } = officeContactMessages[locale].defaultOffice;
    offices = [
      {
        name,
        url: undefined,
        units: units.map((unit) => ({
          heading: Object.hasOwn(unit, 'heading') ? unit.heading : undefined,
          organisation: unit.organisation,
          street: Object.hasOwn(unit, 'street') ? unit.street : undefined,
          building: Object.hasOwn(unit, 'building') ? unit.building : undefined,
          postalCode: Object.hasOwn(unit, 'postalCode') ? unit.postalCode : undefined,
          locality: Object.hasOwn(unit, 'locality') ? unit.locality : undefined,
          country: undefined,
          phone: undefined,
          email: undefined,
          mapUrl: undefined,
        })),
      },
    ];
    embedded.set(locale, offices);
  }
  return offices;
}

/** What the element shows: render() and the JSON-LD both read it from `#view()`, so they never disagree. */
type View =
  | { kind: 'own-content' }
  | { kind: 'offices'; offices: Office[]; embedded: boolean; lang?: string }
  | { kind: 'loading' }
  | { kind: 'error'; error: FeedError }
  | { kind: 'empty' };

type CopyOutcome = 'copied' | 'failed';

/** The whole postal address, addressee first: what the copy button copies. */
function addressLines(unit: ContactUnit): string[] {
  const town = [unit.postalCode, unit.locality].filter(Boolean).join(' ');
  return [unit.organisation, unit.street, unit.building, town, unit.country].filter((line): line is string => Boolean(line));
}

/** The lines under a unit's heading: without the addressee when the heading already is the addressee. */
function printedLines(unit: ContactUnit): string[] {
  return unit.heading ? addressLines(unit) : addressLines(unit).slice(1);
}

/** True when there is more to copy or to map than the addressee's name. */
function hasPostalAddress(unit: ContactUnit): boolean {
  return Boolean(unit.street || unit.building || unit.postalCode || unit.locality || unit.country);
}

/** The data's own map page, else an OpenStreetMap search for the street and town; none without either. */
export function mapUrlOf(unit: ContactUnit): string | undefined {
  const own = safeUrl(unit.mapUrl);
  if (own) return own;
  if (!unit.street && !unit.locality) return undefined;
  const query = [unit.street, [unit.postalCode, unit.locality].filter(Boolean).join(' '), unit.country].filter(Boolean).join(', ');
  return `${OPENSTREETMAP_SEARCH}?query=${encodeURIComponent(query)}`;
}

/** A `tel:` address from a number as written ("+381 (11) 300-6100" → "tel:+381113006100"). */
function telUrl(phone: string): string | undefined {
  const dialable = phone.replace(/[^\d+]/g, '');
  return /^\+?\d{3,}$/.test(dialable) ? `tel:${dialable}` : undefined;
}

/** Drops undefined and empty values, so the JSON-LD carries only what is known. */
function known<T extends Record<string, unknown>>(entries: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as Partial<T>;
}

function postalAddressJsonLd(unit: ContactUnit, fallbackCountry?: string): object | undefined {
  const parts = known({
    streetAddress: [unit.street, unit.building].filter(Boolean).join(', '),
    postalCode: unit.postalCode,
    addressLocality: unit.locality,
    addressCountry: unit.country ?? (unit.street || unit.locality ? fallbackCountry : undefined),
  });
  return Object.keys(parts).length > 0 ? { '@type': 'PostalAddress', ...parts } : undefined;
}

function unitContactJsonLd(unit: ContactUnit, fallbackCountry?: string): object {
  return known({
    address: postalAddressJsonLd(unit, fallbackCountry),
    telephone: unit.phone,
    email: unit.email,
    hasMap: safeUrl(unit.mapUrl),
  });
}

/**
 * schema.org GovernmentOffice per office: the first unit's address is the office's own, the other
 * units (Media Operations) are its departments.
 */
export function officesJsonLd(offices: readonly Office[], fallbackCountry?: string): object {
  return {
    '@context': 'https://schema.org',
    '@graph': offices.map((office) => {
      const [main, ...others] = office.units;
      return known({
        '@type': 'GovernmentOffice',
        name: office.name,
        url: safeUrl(office.url),
        ...(main ? unitContactJsonLd(main, fallbackCountry) : {}),
        department: others.map((unit) =>
          known({ '@type': 'GovernmentOffice', name: unit.organisation, description: unit.heading, ...unitContactJsonLd(unit, fallbackCountry) }),
        ),
      });
    }),
  };
}

/**
 * How to reach the office: each unit's postal address, phone and email, a map link and a copy button.
 *
 * With no attributes it shows MLO Belgrade's contact block exactly as the source page prints it
 * ("NATO Military Liaison Office, Bircaninova 5, Ministry of Defense Building, 11000 Belgrade";
 * "Media Operations: Public Affairs Office, Bircaninova 5, 11000 Belgrade"), in the page's language.
 * With `src` it shows the offices of the feed's `_mlo.offices`. Content written inside the element
 * wins over both and is shown as it is.
 *
 * Each unit is a group labelled by its heading (`heading-level`, default 2), its postal address in
 * `<address>`. A schema.org GovernmentOffice with its PostalAddress is written as JSON-LD into the
 * light DOM unless `no-json-ld` is set. Units stack in a narrow container and sit side by side in a
 * wide one.
 *
 * Server rendering (docs/ssr.md): the server does not see the children, so it renders the embedded
 * or feed contact (with its JSON-LD) as the fallback of a slot: a contact block written inside the
 * element shows instead, as it does in the browser. Write the element empty (not even a space)
 * when it should show its own data. The browser renders it afresh when its script runs.
 *
 * @summary How to reach the office: postal addresses, phone, email, map links, JSON-LD.
 *
 * @slot - Your own contact block; when given it is shown instead of the embedded or feed data.
 *
 * @csspart offices - The wrapper of every office.
 * @csspart office - One office: the grid of its units.
 * @csspart unit - One unit (a labelled group).
 * @csspart heading - The unit's heading.
 * @csspart address - The unit's `<address>`.
 * @csspart contacts - The phone and email list.
 * @csspart phone - The phone link.
 * @csspart email - The email link.
 * @csspart actions - The row of the map link and the copy button.
 * @csspart map-link - The map link.
 * @csspart copy-button - The copy-address button.
 * @csspart copy-status - The message after copying.
 * @csspart loading - The placeholder shown while the feed loads.
 * @csspart error - The alert shown when the feed cannot be read.
 * @csspart error-title - Its title.
 * @csspart error-message - Its explanation.
 * @csspart retry-button - Its Retry button.
 * @csspart empty - The message shown when the feed has no contact details.
 *
 * @cssprop --mlo-office-contact-heading-size - Size of the unit headings. Default: `1.125em`.
 * @cssprop --mlo-office-contact-column-width - The narrowest a unit gets before the units stack. Default: `16em`.
 * @cssprop --mlo-office-contact-unit-background - Background of each unit. Default: `transparent`.
 * @cssprop --mlo-office-contact-unit-padding - Padding of each unit. Default: `0`.
 * @cssprop --mlo-color-text - Text colour.
 * @cssprop --mlo-color-text-muted - Colour of the labels and of the copy message.
 * @cssprop --mlo-color-link - Colour of the links.
 * @cssprop --mlo-color-focus - Focus outline colour.
 * @cssprop --mlo-gap - Space between units. Default: `1em`.
 * @cssprop --mlo-font-size - Base size in px; everything else is in em of it. Default: `16px`.
 * @cssprop --mlo-font-family - Font stack.
 * @cssprop --mlo-heading-font-family - Font stack of the headings.
 *
 * @fires mlo-feed-load {CustomEvent<FeedLoadDetail>} - The feed given by `src` loaded.
 * @fires mlo-feed-error {CustomEvent<FeedErrorDetail>} - The feed could not be loaded (or only a saved copy was).
 *
 * @tagname mlo-office-contact
 */
export class MloOfficeContact extends MloElement {
  static override styles = [hostStyles, buttonStyles, stateStyles, skeletonStyles, styles];

  /** Address of a JSON Feed whose `_mlo.offices` to show instead of the embedded MLO Belgrade contact. */
  @property({ type: String, attribute: 'src' }) src?: string;

  /** A JSON Feed document (or a feed from `parseFeed`) to read instead of fetching `src`. */
  @property({ attribute: false }) feed?: JsonFeed | Feed;

  /** The level (1–6) of the unit headings, to fit the page's outline. Default: 2. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel?: number;

  /** Leaves out the map links. */
  @property({ type: Boolean, attribute: 'no-map' }) noMap = false;

  /** Turns off the schema.org GovernmentOffice JSON-LD written into the light DOM. */
  @property({ type: Boolean, attribute: 'no-json-ld' }) noJsonLd = false;

  /** True when the page wrote its own contact block inside the element. */
  @state() private hasOwnContent = false;

  /** The outcome of the last copy, and the unit it was for. */
  @state() private copyResult?: { unitKey: string; outcome: CopyOutcome };

  readonly #feed = new FeedController(this, () => (this.hasOwnContent ? {} : { src: this.src, data: this.feed }));

  constructor() {
    super();
    new LightDomController(this, () => this.#readLightDom());
  }

  protected override update(changed: PropertyValues<this>): void {
    // The server rendered its data inside a slot, for children it could not see; the browser renders
    // its own (the slot only for children it has read), so it starts afresh rather than hydrating.
    if (!this.hasUpdated) hydrateOnlyIf(this, () => false);
    super.update(changed);
  }

  #readLightDom(): void {
    this.hasOwnContent = [...this.childNodes].some((node) =>
      node instanceof Element ? !node.matches(NOT_CONTENT) : node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
    );
  }

  #retry = (): void => {
    void this.#feed.retry();
  };

  async #copy(unitKey: string, text: string): Promise<void> {
    // Cleared first, so that copying the same address twice is announced twice.
    this.copyResult = undefined;
    await this.updateComplete;
    let outcome: CopyOutcome = 'copied';
    try {
      // Absent on insecure pages and in old browsers, which the DOM types do not allow for.
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard) throw new Error('No Clipboard API here (an insecure page or an old browser).');
      await clipboard.writeText(text);
    } catch {
      outcome = 'failed';
    }
    this.copyResult = { unitKey, outcome };
  }

  #view(): View {
    if (this.hasOwnContent) return { kind: 'own-content' };
    const view = this.#feed.view;
    switch (view.state) {
      case 'idle':
        return { kind: 'offices', offices: embeddedOffices(this.locale), embedded: true };
      case 'loading':
        return { kind: 'loading' };
      case 'error':
        return { kind: 'error', error: view.error };
      case 'ready': {
        const { offices } = view.feed.mlo;
        return offices.length > 0 ? { kind: 'offices', offices, embedded: false, lang: view.feed.language } : { kind: 'empty' };
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const view = this.#view();
    if (view.kind === 'offices' && !this.noJsonLd) {
      writeJsonLd(this, officesJsonLd(view.offices, view.embedded ? EMBEDDED_COUNTRY_CODE : undefined));
    } else {
      removeJsonLd(this);
    }
  }

  #renderContacts(unit: ContactUnit, t: OfficeContactMessages): TemplateResult | typeof nothing {
    const tel = unit.phone ? telUrl(unit.phone) : undefined;
    // Checked again here: a Feed built by hand skips the parser.
    const email = emailAddress(unit.email);
    if (!unit.phone && !email) return nothing;
    return html`<dl class="contacts" part="contacts">
      ${unit.phone
        ? html`<div class="contacts__row">
            <dt>${t.phone}</dt>
            <dd>${tel ? html`<a class="contacts__link" part="phone" href=${tel}>${unit.phone}</a>` : unit.phone}</dd>
          </div>`
        : nothing}
      ${email
        ? html`<div class="contacts__row">
            <dt>${t.email}</dt>
            <dd><a class="contacts__link" part="email" href=${`mailto:${email}`}>${email}</a></dd>
          </div>`
        : nothing}
    </dl>`;
  }

  #renderCopyStatus(unitKey: string, t: OfficeContactMessages): TemplateResult {
    const result = this.copyResult?.unitKey === unitKey ? this.copyResult.outcome : undefined;
    const message = result === 'copied' ? t.addressCopied : result === 'failed' ? t.copyFailed : '';
    return html`<p class="copy-status" part="copy-status" role="status">${message}</p>`;
  }

  #renderUnit(unit: ContactUnit, unitKey: string, level: number, lang: string | undefined): TemplateResult {
    const t = officeContactMessages[this.locale];
    const headingId = `unit-${unitKey}-heading`;
    const mapUrl = this.noMap ? undefined : mapUrlOf(unit);
    return html`<div class="unit" part="unit" role="group" aria-labelledby=${headingId}>
      ${renderHeading(level, 'heading', 'unit__heading', html`<span id=${headingId}>${unit.heading ?? unit.organisation}</span>`, lang)}
      <address class="address" part="address" lang=${ifDefined(lang)}>
        ${printedLines(unit).map((line) => html`<span class="address__line">${line}</span>`)}
      </address>
      ${this.#renderContacts(unit, t)}
      ${hasPostalAddress(unit)
        ? html`<div class="actions" part="actions">
              ${mapUrl ? html`<a class="map-link" part="map-link" href=${mapUrl}>${t.showOnMap}</a>` : nothing}
              <button class="button button--secondary" part="copy-button" type="button" @click=${() => this.#copy(unitKey, addressLines(unit).join('\n'))}>
                ${t.copyAddress}
              </button>
            </div>
            ${this.#renderCopyStatus(unitKey, t)}`
        : nothing}
    </div>`;
  }

  #renderOffices(offices: Office[], lang: string | undefined): TemplateResult {
    const level = validHeadingLevel(this.headingLevel, DEFAULT_HEADING_LEVEL);
    return html`<div class="offices" part="offices">
      ${offices.map(
        (office, officeIndex) => html`<div class="office" part="office">
          ${office.units.map((unit, unitIndex) => this.#renderUnit(unit, `${officeIndex}-${unitIndex}`, level, lang))}
        </div>`,
      )}
    </div>`;
  }

  #renderLoading(): TemplateResult {
    return html`<div class="offices" part="loading" role="status">
      <span class="visually-hidden">${officeContactMessages[this.locale].loading}</span>
      <div class="office" aria-hidden="true">
        ${[0, 1].map(
          () => html`<div class="unit">
            <span class="skeleton skeleton--heading"></span>
            <span class="skeleton skeleton--address"></span>
          </div>`,
        )}
      </div>
    </div>`;
  }

  override render(): TemplateResult {
    const view = this.#view();
    if (!ON_SERVER) return this.#renderView(view);
    // The JSON-LD inside the fallback: where the page wrote its own block, the block is what is shown and read.
    const jsonLd = view.kind === 'offices' && !this.noJsonLd ? serverJsonLd(officesJsonLd(view.offices, view.embedded ? EMBEDDED_COUNTRY_CODE : undefined)) : nothing;
    return html`<slot>${this.#renderView(view)}${jsonLd}</slot>`;
  }

  #renderView(view: View): TemplateResult {
    switch (view.kind) {
      case 'own-content':
        return html`<slot></slot>`;
      case 'offices':
        return this.#renderOffices(view.offices, view.lang);
      case 'loading':
        return this.#renderLoading();
      case 'error':
        return renderFeedError(this.locale, view.error, this.#retry);
      case 'empty':
        return renderEmpty(this.locale, officeContactMessages[this.locale].noOffices);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mlo-office-contact': MloOfficeContact;
  }
}

/**
 * Strings of `<mlo-office-contact>`, and the embedded default: MLO Belgrade's contact block as the
 * source page prints it, in each language. The default invents nothing (no phone, no email): the
 * source page gives only the postal addresses.
 *
 * Serbian names, as in the demo feed's Serbian editions: the Military Liaison Office is "Kancelarija
 * NATO-a za vojnu vezu" (the acronym declined, as Serbian grammar wants), the Public Affairs Office
 * "Kancelarija za odnose s javnošću" and Media Operations "Odnosi s medijima", the usual Serbian
 * terms for these functions.
 */
import type { Office } from '../../feed/types.js';
import { defineMessagesOnDemand } from '../define-messages.js';

export interface OfficeContactMessages {
  /** Shown when the element has neither `src` nor content of its own. */
  defaultOffice: Office;
  /** The label before a phone number. */
  phone: string;
  /** The label before an email address. */
  email: string;
  /** The map link of a unit (its group's heading says whose address it is). */
  showOnMap: string;
  /** The button that copies a unit's postal address. */
  copyAddress: string;
  /** Announced after the address was copied. */
  addressCopied: string;
  /** Announced when the browser does not allow copying. */
  copyFailed: string;
  /** Announced while the feed loads. */
  loading: string;
  /** The feed has no `_mlo.offices`. */
  noOffices: string;
}

export const officeContactMessages = defineMessagesOnDemand<OfficeContactMessages>('officeContact', {
  en: {
    defaultOffice: {
      name: 'NATO Military Liaison Office Belgrade',
      units: [
        {
          organisation: 'NATO Military Liaison Office',
          street: 'Bircaninova 5',
          building: 'Ministry of Defense Building',
          postalCode: '11000',
          locality: 'Belgrade',
        },
        {
          heading: 'Media Operations',
          organisation: 'Public Affairs Office',
          street: 'Bircaninova 5',
          postalCode: '11000',
          locality: 'Belgrade',
        },
      ],
    },
    phone: 'Phone',
    email: 'Email',
    showOnMap: 'Show on map',
    copyAddress: 'Copy address',
    addressCopied: 'Address copied.',
    copyFailed: 'This browser does not allow copying here: select the address and copy it.',
    loading: 'Loading contact details…',
    noOffices: 'The feed gives no contact details.',
  },
});

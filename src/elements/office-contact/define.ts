import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloOfficeContact } from './office-contact.js';

defineElement(TAG_NAMES.officeContact, MloOfficeContact);

export { MloOfficeContact };

import { defineElement } from '../../internal/define.js';
import { MloOfficeContact } from './office-contact.js';

defineElement('mlo-office-contact', MloOfficeContact);

export { MloOfficeContact };

import { defineElement } from '../../internal/define.js';
import { MloBreadcrumb } from './breadcrumb.js';

defineElement('mlo-breadcrumb', MloBreadcrumb);

export { MloBreadcrumb };

import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloBreadcrumb } from './breadcrumb.js';

defineElement(TAG_NAMES.breadcrumb, MloBreadcrumb);

export { MloBreadcrumb };

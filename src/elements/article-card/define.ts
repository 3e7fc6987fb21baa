import { defineElement } from '../../internal/define.js';
import { TAG_NAMES } from '../../internal/tags.js';
import { MloArticleCard } from './article-card.js';

defineElement(TAG_NAMES.articleCard, MloArticleCard);

export { MloArticleCard };

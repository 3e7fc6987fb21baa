import { defineElement } from '../../internal/define.js';
import { MloArticleCard } from './article-card.js';

defineElement('mlo-article-card', MloArticleCard);

export { MloArticleCard };

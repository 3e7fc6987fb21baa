/** Languages and message tables. See README "Adding a language". */
export * from './locale.js';
export { commonMessages } from './messages/common.js';
export type { CommonMessages } from './messages/common.js';

/** Every element the script-tag bundle must register: the library's own tag list. */
export { ALL_TAGS as EXPECTED_TAGS } from '../../src/internal/tags.js';

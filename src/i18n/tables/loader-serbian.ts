/**
 * The Serbian Cyrillic of the loader's strings (src/i18n/messages/loader.ts). Its own module, because
 * two builds read it: the loader (dist/mlo-widgets.js) holds it, since it must speak Serbian when
 * nothing else could be downloaded; the elements get it with the other Serbian tables, on demand.
 */
import type { LoaderMessages } from '../messages/loader.js';

export const LOADER_SERBIAN_CYRILLIC: LoaderMessages = {
  title: 'Овај део странице није могуће учитати',
  message: 'Његов код није стигао (веза није успела или датотека недостаје).',
  retry: 'Покушај поново',
  stuck: 'Његов код је поново доступан, али ову страницу треба поново учитати да би се користио.',
  reload: 'Поново учитај страницу',
};

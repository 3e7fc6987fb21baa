/** Strings of the loader (dist/mlo-widgets.js): an element whose code could not be loaded. */
import { defineMessages } from '../define-messages.js';

export interface LoaderMessages {
  title: string;
  message: string;
  retry: string;
  /** The files are back, but this page remembers that one of them failed: only a reload loads it. */
  stuck: string;
  reload: string;
}

export const loaderMessages = defineMessages<LoaderMessages>({
  en: {
    title: 'This part of the page could not be loaded',
    message: 'Its code did not arrive (the connection failed, or the file is missing).',
    retry: 'Retry',
    stuck: 'Its code is available again, but this page has to be reloaded to use it.',
    reload: 'Reload the page',
  },
  'sr-Cyrl': {
    title: 'Овај део странице није могуће учитати',
    message: 'Његов код није стигао (веза није успела или датотека недостаје).',
    retry: 'Покушај поново',
    stuck: 'Његов код је поново доступан, али ову страницу треба поново учитати да би се користио.',
    reload: 'Поново учитај страницу',
  },
});

// Another version of mlo-widgets that got to the page first and registered <mlo-news-list>.
customElements.define(
  'mlo-news-list',
  class OtherVersionNewsList extends HTMLElement {
    static mloVersion = '0.0.0-other';

    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).textContent = 'The other version’s news list';
    }
  },
);

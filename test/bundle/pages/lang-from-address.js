// Sets the page's language from its address (`serbian.html?lang=sr_Latn`), before the loader runs, so one
// page serves every language tag a test needs. A plain external script: it runs under the strict CSP.
(() => {
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang) document.documentElement.lang = lang;
})();

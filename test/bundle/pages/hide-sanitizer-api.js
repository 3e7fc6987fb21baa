// Loaded before the bundle by the pages that stand for a browser without the HTML Sanitizer API
// (Document.parseHTML, Element.prototype.setHTML and Sanitizer): the widgets then load DOMPurify.
// A plain external script, so it runs under a strict CSP too.
delete window.Sanitizer;
delete Document.parseHTML;
delete Element.prototype.setHTML;

/**
 * Character references in plain-text fields (src/feed/entities.ts): decoded once, as feed readers do,
 * never interpreting markup. The table (267 names) is checked against the browser's own HTML parser.
 */
import { expect } from '@open-wc/testing';
import { decodeCharacterReferences as decode } from '../../src/feed/entities.js';
import { htmlToText } from '../../src/feed/text.js';

/** What the browser's HTML parser makes of a reference, in text. */
function browserDecode(reference: string): string {
  const element = document.createElement('template');
  element.innerHTML = reference;
  return element.content.textContent;
}

describe('decodeCharacterReferences', () => {
  it('decodes what publishers write: numeric, hexadecimal and the common names', () => {
    expect(decode('Partners&#8217; day &#8211; Q&amp;A &#038; more')).to.equal('Partners\u2019 day \u2013 Q&A & more');
    expect(decode('it&#x2019;s &#X2019; &#x00e9;t&#xE9;')).to.equal('it\u2019s \u2019 \u00e9t\u00e9');
    expect(decode('a&nbsp;b&mdash;c&hellip; &laquo;x&raquo; &copy; &euro; &trade;')).to.equal('a\u00a0b\u2014c\u2026 \u00abx\u00bb \u00a9 \u20ac \u2122');
    expect(decode('&quot;&apos;&lt;&gt;&AMP;&LT;&GT;&QUOT;&COPY;&REG;')).to.equal('"\'<>&<>"\u00a9\u00ae');
    expect(decode('Bir&ccaron;aninova, &Scaron;abac, &Zcaron;abljak, &Dstrok;or&dstrok;e, &Cacute;uprija')).to.equal('Bir\u010daninova, \u0160abac, \u017dabljak, \u0110or\u0111e, \u0106uprija');
    expect(decode('&alpha;&Omega; &le; &ne; &rarr; &hearts;')).to.equal('\u03b1\u03a9 \u2264 \u2260 \u2192 \u2665');
  });

  it('decodes once: &amp;amp; is the text &amp;, &amp;lt; the text &lt;', () => {
    expect(decode('&amp;amp; &amp;lt;b&amp;gt; &amp;#8217;')).to.equal('&amp; &lt;b&gt; &#8217;');
  });

  it('never makes markup: references to < and > become the characters, shown as text', () => {
    expect(decode('&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;')).to.equal('<b>bold</b> <script>alert(1)</script>');
    expect(decode('<b>written</b>'), 'markup as written stays as written').to.equal('<b>written</b>');
  });

  it('reads &#128;–&#159; as Windows-1252, as browsers do', () => {
    expect(decode('it&#146;s &#147;quoted&#148; &#150; &#151; &#133; &#128;')).to.equal('it\u2019s \u201cquoted\u201d \u2013 \u2014 \u2026 \u20ac');
  });

  it('leaves references it does not decode as written: NUL, surrogates, controls, noncharacters, past U+10FFFF, unknown names', () => {
    const kept = ['&#0;', '&#x0;', '&#00;', '&#xD800;', '&#57343;', '&#1;', '&#x1B;', '&#127;', '&#129;', '&#x9D;', '&#xFFFE;', '&#xFDD0;', '&#x10FFFF;', '&#x110000;', '&#1114112;', '&#99999999999999999999;', '&unknown;', '&constructor;', '&toString;', '&__proto__;', '&hasOwnProperty;', '&Amp;', '&NBSP;', '&nbsp', '& amp;', '&#;', '&#x;', '&;'];
    for (const reference of kept) expect(decode(`a${reference}b`), reference).to.equal(`a${reference}b`);
  });

  it('decodes tab, line feed and carriage return, and the last code points allowed', () => {
    expect(decode('a&#9;b&#10;c&#13;d')).to.equal('a\tb\nc\rd');
    expect(decode('&#x10FFFD; &#xFFFD; &#x1F600;')).to.equal(`${String.fromCodePoint(0x10fffd)} \ufffd ${String.fromCodePoint(0x1f600)}`);
  });

  it('agrees with the browser on every name of its table, and on the common numeric forms', () => {
    const names = [
      ...'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(' '),
      ...'QUOT quot AMP amp apos LT lt GT gt COPY REG Cacute cacute Ccaron ccaron Dstrok dstrok OElig oelig Scaron scaron Yuml Zcaron zcaron fnof circ tilde Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon Phi Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv ensp emsp thinsp zwnj zwj lrm rlm ndash mdash lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger bull hellip permil prime Prime lsaquo rsaquo oline frasl euro image weierp real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr hArr forall part exist empty nabla isin notin ni prod sum minus lowast radic prop infin ang and or cap cup int there4 sim cong asymp ne equiv le ge sub sup nsub sube supe oplus otimes perp sdot lceil rceil lfloor rfloor loz spades clubs hearts diams lang rang'.split(' '),
    ];
    expect(names).to.have.length(267);
    for (const name of names) {
      const reference = `&${name};`;
      expect(decode(reference), reference).to.equal(browserDecode(reference));
      expect(decode(reference), reference).not.to.equal(reference);
    }
    for (const reference of ['&#8217;', '&#x2019;', '&#038;', '&#65;', '&#X41;', '&#146;', '&#x1F600;', '&#233;']) {
      expect(decode(reference), reference).to.equal(browserDecode(reference));
    }
  });

  it('is what htmlToText uses for the text of content_html', () => {
    expect(htmlToText('<p>Q&amp;A &#8211; &Ccaron;a&ccaron;ak</p>')).to.equal('Q&A \u2013 \u010ca\u010dak');
  });

  it('leaves text without "&" as it is, and decodes a large text quickly', () => {
    const plain = 'No references here. '.repeat(1000);
    expect(decode(plain)).to.equal(plain);
    const heavy = 'Q&amp;A&#8217;s &mdash; '.repeat(50_000);
    const start = performance.now();
    expect(decode(heavy)).to.have.length('Q&A\u2019s \u2014 '.length * 50_000);
    expect(performance.now() - start).to.be.below(500);
  });
});

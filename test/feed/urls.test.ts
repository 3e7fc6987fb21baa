import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/feed/urls.js';

describe('safeUrl', () => {
  const base = 'https://mlo.example/newsroom/feed.json';

  it('keeps http(s) URLs and resolves relative ones against the base', () => {
    expect(safeUrl('https://www.nato.int/a', base)).to.equal('https://www.nato.int/a');
    expect(safeUrl('http://example.org/', base)).to.equal('http://example.org/');
    expect(safeUrl('images/a.jpg', base)).to.equal('https://mlo.example/newsroom/images/a.jpg');
    expect(safeUrl('/archive/2023', base)).to.equal('https://mlo.example/archive/2023');
    expect(safeUrl('//cdn.example/x.png', base)).to.equal('https://cdn.example/x.png');
  });

  it('drops every other scheme, however it is disguised', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'mailto:a@b.c',
    ]) {
      expect(safeUrl(hostile, base), hostile).to.equal(undefined);
    }
  });

  it('ignores non-strings and empty strings', () => {
    expect(safeUrl(undefined, base)).to.equal(undefined);
    expect(safeUrl(42, base)).to.equal(undefined);
    expect(safeUrl({ href: 'https://x' }, base)).to.equal(undefined);
    expect(safeUrl('   ', base)).to.equal(undefined);
  });
});

import { expect } from '@open-wc/testing';
import { VERSION } from '../../src/version.js';

describe('VERSION', () => {
  it('equals the version in package.json', async () => {
    const manifest = (await (await fetch('/package.json')).json()) as { version: string };
    expect(manifest.version).to.match(/^\d+\.\d+\.\d+/);
    expect(VERSION).to.equal(manifest.version);
  });
});

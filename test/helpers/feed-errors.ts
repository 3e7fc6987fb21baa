/** The FeedError a parse throws; fails the test when it throws something else or nothing. */
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';

export function parseError(parse: () => unknown): FeedError {
  try {
    parse();
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('Expected a FeedError, but parsing succeeded.');
}

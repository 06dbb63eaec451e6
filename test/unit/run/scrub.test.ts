import { describe, expect, test } from '@jest/globals';
import { Scrubber } from '../../../src/run/scrub.js';

describe('Scrubber', () => {
  test('cuts every masked value out, the whole token before its parts', () => {
    const s = new Scrubber();
    s.add('fm2_partAAAA');
    s.add('FlyV1 fm2_partAAAA,fm2_partBBBB');
    expect(s.scrub('token FlyV1 fm2_partAAAA,fm2_partBBBB and fm2_partAAAA')).toBe('token *** and ***');
  });

  test('ignores strings too short to be a token, so ordinary text survives', () => {
    const s = new Scrubber();
    s.add('abc');
    expect(s.scrub('abc def')).toBe('abc def');
  });
});

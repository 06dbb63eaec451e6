import { describe, expect, test } from '@jest/globals';
import { isForgejoSecretName } from '../../../src/forgejo/names.js';

describe('isForgejoSecretName', () => {
  test('accepts letters, digits and underscores not starting with a digit, in any case', () => {
    for (const name of ['FLY_API_TOKEN', 'fly_api_token', '_X', 'A1', 'GITHUBX', 'MY_FORGEJO_TOKEN', 'CIX']) {
      expect([name, isForgejoSecretName(name)]).toEqual([name, true]);
    }
  });

  test('refuses what any Forgejo or Gitea release refuses', () => {
    for (const name of [
      '',
      '1ABC',
      'A-B',
      'A B',
      'ÄBC',
      'FORGEJO_TOKEN',
      'forgejo_token',
      'GITEA_TOKEN',
      'github_token',
      'MY_GITHUB_TOKEN',
      'X_GITEA_Y',
      'CI',
      'ci',
    ]) {
      expect([name, isForgejoSecretName(name)]).toEqual([name, false]);
    }
  });
});

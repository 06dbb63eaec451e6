// The REST client for a Forgejo (or Gitea) instance: API v1 below the instance's URL, the token in
// `Authorization: token …` (the scheme Forgejo's API documents; it takes Bearer too).
import { RestClient, type RestOptions } from '../net/rest.js';

export type ForgejoClientOptions = Omit<RestOptions, 'baseUrl' | 'auth' | 'service' | 'serviceName'> & {
  /** The instance, e.g. https://codeberg.org (FORGEJO_URL). */
  url: string;
  token: string;
};

export function forgejoClient({ url, token, ...rest }: ForgejoClientOptions): RestClient {
  return new RestClient({
    ...rest,
    baseUrl: `${url.replace(/\/+$/, '')}/api/v1`,
    auth: ['authorization', `token ${token}`],
    service: 'forgejo',
    serviceName: 'Forgejo',
  });
}

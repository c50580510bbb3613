import { requestText, UNREADABLE_REQUEST } from '../../../electron/common/channels';
import { CHANNEL_NAMES } from '../../../electron/common/contract';
import type { ChannelResult, DalaApi } from '../../../electron/common/contract';

const TOKEN_KEY = 'dala.hostToken';

/**
 * The browser host hands out its per-run token in the URL once; keep it for this tab and take it
 * out of the address bar so it is not bookmarked or shown.
 */
export function takeHostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const networkFailure = <T>(): ChannelResult<T> => ({
  ok: false,
  error: { code: 'storage', message: 'The app could not reach its data. Check that DALA is still running, then try again.' },
});

/** `window.dala` over HTTP, for the browser host: the same channels, the same answers. */
export function createHttpDalaApi(token: string | null): DalaApi {
  const api = {} as Record<string, (input: unknown) => Promise<ChannelResult<unknown>>>;
  for (const name of CHANNEL_NAMES) {
    api[name] = async (input) => {
      const text = requestText(input);
      if (text === undefined) return UNREADABLE_REQUEST;
      try {
        const response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: text,
        });
        const body = (await response.json()) as ChannelResult<unknown>;
        return typeof body === 'object' && body !== null && 'ok' in body ? body : networkFailure();
      } catch {
        return networkFailure();
      }
    };
  }
  return api as DalaApi;
}

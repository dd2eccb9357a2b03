/**
 * True for absolute http(s) URLs. Both web apps render a link only when this holds, so a `javascript:` or
 * `data:` URL, from an intent file or anywhere else, is never clickable. Pure TypeScript, shared by `web/` and
 * `agent-ui/`.
 */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

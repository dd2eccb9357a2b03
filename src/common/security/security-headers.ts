import { createHash } from 'node:crypto';
import helmet from 'helmet';

/**
 * CSP hashes of the one inline style the pages make: react-dsfr's `startReactDsfr` adds
 * `<style id="dsfr-root-color-scheme">:root { color-scheme: light|dark; }</style>` to the head and replaces it
 * when the scheme changes (`@codegouvfr/react-dsfr/useIsDark/client.js`, `setRootColorScheme`). Allowing these
 * two exact texts keeps `'unsafe-inline'` out of `style-src`.
 */
export const DSFR_COLOR_SCHEME_STYLE_HASHES = ['light', 'dark'].map(
  (scheme) => `'sha256-${createHash('sha256').update(`:root { color-scheme: ${scheme}; }`).digest('base64')}'`,
);

/**
 * The Content-Security-Policy of every answer, pages and API alike. Both pages are Vite builds of React and the
 * DSFR with no inline script: scripts, styles (but react-dsfr's color-scheme `<style>`, allowed by its hashes),
 * fonts and the socket (same-origin `ws:`/`wss:`, which CSP Level 3 counts as `'self'`) come from the service
 * itself; images also from `data:` URIs (the DSFR icons are SVG data URIs in its CSS). Nothing may frame the
 * pages, no plugin runs, and forms post only to the service.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", ...DSFR_COLOR_SCHEME_STYLE_HASHES],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Express middleware setting helmet's security headers with the CSP above (helmet's own default directives off,
 * so the policy is exactly this list) and `X-Frame-Options: DENY` to match `frame-ancestors 'none'`. helmet's
 * other defaults stay: `Strict-Transport-Security` (365 days, honoured over HTTPS only), `Referrer-Policy:
 * no-referrer`, `X-Content-Type-Options: nosniff`, `Cross-Origin-Opener-Policy` and `Cross-Origin-Resource-Policy:
 * same-origin`, no `X-Powered-By`.
 */
export function securityHeaders(): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY_DIRECTIVES },
    xFrameOptions: { action: 'deny' },
  });
}

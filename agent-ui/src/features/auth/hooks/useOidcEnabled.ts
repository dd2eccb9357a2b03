import { useEffect, useState } from 'react';

/** Answer of `GET /api/v1/auth/oidc/config` (`OidcConfigResponse` in `src/officers/auth/oidc/oidc.controller.ts`). */
interface OidcConfig {
  enabled: boolean;
}

function isOidcConfig(value: unknown): value is OidcConfig {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).enabled === 'boolean';
}

/**
 * Whether officers may sign in through the identity provider: `GET /api/v1/auth/oidc/config`, read once when the
 * sign-in page mounts. False until the answer arrives, and when the request fails (the password form stays usable).
 */
export function useOidcEnabled(): boolean {
  const [enabled, setEnabled] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void fetch('/api/v1/auth/oidc/config', { headers: { Accept: 'application/json' } })
      .then(async (response) => (response.ok ? ((await response.json()) as unknown) : null))
      .then((body) => {
        if (!cancelled) {
          setEnabled(isOidcConfig(body) && body.enabled);
        }
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  return enabled;
}

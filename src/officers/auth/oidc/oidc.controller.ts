import { Controller, Get, Header, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { OidcService, type OidcCallbackResult } from './oidc.service';

/** `GET /api/v1/auth/oidc/config` answer: whether the sign-in page offers the identity provider. */
export interface OidcConfigResponse {
  enabled: boolean;
}

/** Where the officer console lives; the sign-in result travels in its URL fragment, never sent to a server. */
const CONSOLE_PATH = '/agent/';

/** The page shown to a person the provider authenticated but who has no role of the console (French, no script). */
const NO_ROLE_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Accès refusé – Console officier</title></head>
<body>
<main>
<h1>Accès refusé</h1>
<p>Votre compte n’a pas de rôle pour cette console.</p>
<p>Demandez à l’administrateur de votre fournisseur d’identité de vous attribuer un rôle (officer, supervisor ou editor).</p>
<p><a href="${CONSOLE_PATH}">Revenir à la page de connexion</a></p>
</main>
</body>
</html>
`;

/**
 * Officer sign-in through an OpenID Connect identity provider (`OidcService`). The controller is always registered:
 * `config` says whether the provider is configured, and `login` and `callback` answer 404 when it is not (the
 * service's check), so the routes exist in one place whatever the configuration. `login` and `callback` are
 * throttled per IP address like the password sign-in (`LOGIN_ATTEMPTS_PER_IP_PER_MINUTE`, 429 over it). The
 * callback takes no DTO: it reads the raw query string, which openid-client checks as a whole (the provider may
 * add parameters such as `iss` or `session_state`).
 */
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  /** 200 `{ enabled }`; public: the sign-in page shows the provider's button only when `enabled`. */
  @Get('config')
  config(): OidcConfigResponse {
    return { enabled: this.oidc.enabled };
  }

  /**
   * 302 to the provider's authorization endpoint; 302 to `/agent/#oidc-error=unavailable` when its metadata cannot
   * be read; 404 when OpenID Connect is not configured.
   */
  @Get('login')
  @UseGuards(ThrottlerGuard)
  @Header('Cache-Control', 'no-store')
  async login(@Res() response: Response): Promise<void> {
    const start = await this.oidc.startLogin();
    response.redirect(302, start.outcome === 'redirect' ? start.url : `${CONSOLE_PATH}#oidc-error=${start.failure}`);
  }

  /**
   * The provider's redirect after sign-in: 302 to `/agent/#oidc=<officer token>` when signed in; 302 to
   * `/agent/#oidc-error=<state|provider|exchange|unavailable>` when it failed (`OidcFailure`); 403 with a French
   * page « Votre compte n’a pas de rôle pour cette console. » when the roles claim names no role of the console;
   * 404 when OpenID Connect is not configured.
   */
  @Get('callback')
  @UseGuards(ThrottlerGuard)
  @Header('Cache-Control', 'no-store')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const search = new URL(request.originalUrl, 'http://callback.invalid').search;
    this.answer(response, await this.oidc.handleCallback(search));
  }

  private answer(response: Response, result: OidcCallbackResult): void {
    switch (result.outcome) {
      case 'signed-in':
        response.redirect(302, `${CONSOLE_PATH}#oidc=${result.accessToken}`);
        return;
      case 'failed':
        response.redirect(302, `${CONSOLE_PATH}#oidc-error=${result.failure}`);
        return;
      case 'no-role':
        response.status(403).type('html').send(NO_ROLE_PAGE);
        return;
    }
  }
}

import { Button } from '@codegouvfr/react-dsfr/Button';
import Card from '@codegouvfr/react-dsfr/Card';
import type { RegisteredLinkProps } from '@codegouvfr/react-dsfr/link';
import type { ServiceLink } from '../../../../../src/contracts/socket-events';
import { isWebUrl } from '../../../../../src/contracts/web-url';
import { testId } from '../../../lib/test-id';

/**
 * Props: the links, in their order (any scheme; only http(s) ones are shown), and, for links attached to a reply
 * not sent yet, `onRemove(link)` to offer « Retirer ».
 */
export interface LinkCardListProps {
  links: ServiceLink[];
  onRemove?: (link: ServiceLink) => void;
}

function linkProps(link: ServiceLink): RegisteredLinkProps & Record<`data-${string}`, string> {
  return {
    href: link.url,
    target: '_blank',
    rel: 'noopener noreferrer',
    title: `${link.title} – nouvel onglet`,
    'data-testid': 'link-card',
  };
}

/**
 * Official-service links as small DSFR cards (`data-testid="link-card"` on each anchor) whose whole surface opens
 * the service in a new tab without access to this page (`rel="noopener noreferrer"`). Links that are not http(s)
 * are left out (the same rule as the citizen page, `isWebUrl`); renders nothing when none is left. With
 * `onRemove`, each card has a « Retirer » button beside it (`data-testid="remove-link"`), outside the card so the
 * card's enlarged link does not cover it.
 */
export function LinkCardList({ links, onRemove }: LinkCardListProps) {
  const webLinks = links.filter((link) => isWebUrl(link.url));
  if (webLinks.length === 0) {
    return null;
  }
  return (
    <ul className="link-card-list fr-raw-list">
      {webLinks.map((link) => (
        <li key={link.url} className="link-card-list__item">
          <Card
            title={link.title}
            titleAs="h4"
            size="small"
            enlargeLink
            linkProps={linkProps(link)}
            border
            className="link-card-list__card"
          />
          {onRemove !== undefined && (
            <Button
              priority="tertiary no outline"
              size="small"
              iconId="fr-icon-close-line"
              onClick={() => onRemove(link)}
              nativeButtonProps={{ 'aria-label': `Retirer le lien ${link.title}`, ...testId('remove-link') }}
            >
              Retirer
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

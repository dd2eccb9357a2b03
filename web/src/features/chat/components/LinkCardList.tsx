import Card from '@codegouvfr/react-dsfr/Card';
import type { RegisteredLinkProps } from '@codegouvfr/react-dsfr/link';
import type { ServiceLink } from '../../../../../src/contracts/socket-events';
import { isWebUrl } from '../../../../../src/contracts/web-url';

/** Props: the links a bot message carries, in the server's order. */
export interface LinkCardListProps {
  links: ServiceLink[];
}

/**
 * Official-service links as DSFR cards whose whole surface opens the service in a new tab.
 * Links that are not http(s) are left out; renders nothing when none is left.
 */
export function LinkCardList({ links }: LinkCardListProps) {
  const webLinks = links.filter((link) => isWebUrl(link.url));
  if (webLinks.length === 0) {
    return null;
  }
  return (
    <ul className="link-card-list">
      {webLinks.map((link) => {
        const linkProps: RegisteredLinkProps & Record<`data-${string}`, string> = {
          href: link.url,
          target: '_blank',
          rel: 'noopener noreferrer',
          title: `${link.title} – nouvel onglet`,
          'data-testid': 'link-card',
        };
        return (
          <li key={link.url}>
            <Card title={link.title} titleAs="h3" size="small" enlargeLink linkProps={linkProps} border shadow />
          </li>
        );
      })}
    </ul>
  );
}

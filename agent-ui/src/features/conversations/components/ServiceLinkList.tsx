import type { ServiceLink } from '../../../../../src/contracts/socket-events';
import { isWebUrl } from '../../../../../src/contracts/web-url';

/** Props: the links a bot message carries (any scheme; only http(s) ones are shown). */
export interface ServiceLinkListProps {
  links: ServiceLink[];
}

/**
 * The official-service links of a bot message, each opening in a new tab without access to this page
 * (`rel="noopener noreferrer"`). Links that are not http(s) are dropped; renders nothing when none is left.
 */
export function ServiceLinkList({ links }: ServiceLinkListProps) {
  const webLinks = links.filter((link) => isWebUrl(link.url));
  if (webLinks.length === 0) {
    return null;
  }
  return (
    <ul className="fr-raw-list fr-mt-1w">
      {webLinks.map((link) => (
        <li key={link.url}>
          <a
            className="fr-link fr-link--sm"
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            title={`${link.title} - nouvelle fenêtre`}
          >
            {link.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

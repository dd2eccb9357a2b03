import type { ServiceLink } from '../../../../../src/contracts/socket-events';
import { isWebUrl } from '../../../../../src/contracts/web-url';

/** Props: the links to list, and the list's class (its look where it stands). */
export interface ExternalLinkListProps {
  links: readonly ServiceLink[];
  className: string;
}

/**
 * A plain list of links to official services, each opening in a new tab without access to the page
 * (`rel="noopener noreferrer"`); links that are not http(s) are left out, titles are shown as text. Renders nothing
 * when no link is left.
 */
export function ExternalLinkList({ links, className }: ExternalLinkListProps) {
  const webLinks = links.filter((link) => isWebUrl(link.url));
  if (webLinks.length === 0) {
    return null;
  }
  return (
    <ul className={className}>
      {webLinks.map((link) => (
        <li key={link.url}>
          <a className="fr-link" href={link.url} target="_blank" rel="noopener noreferrer" title={`${link.title} – nouvel onglet`}>
            {link.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

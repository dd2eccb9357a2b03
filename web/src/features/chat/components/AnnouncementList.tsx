import CallOut from '@codegouvfr/react-dsfr/CallOut';
import type { Announcement } from '../../../../../src/contracts/socket-events';
import { isWebUrl } from '../../../../../src/contracts/web-url';

/** Props: the announcements valid when the chat opened, in the server's order. */
export interface AnnouncementListProps {
  announcements: Announcement[];
}

/**
 * The pinned announcements of `intents/settings.yaml` as DSFR callouts, each with its title, its text (always as
 * text) and its links, which open in a new tab without access to the page; links that are not http(s) are left
 * out. Renders nothing when there is no announcement.
 */
export function AnnouncementList({ announcements }: AnnouncementListProps) {
  if (announcements.length === 0) {
    return null;
  }
  return (
    <section className="announcements" aria-label="Informations importantes" data-testid="announcements">
      {announcements.map((announcement) => {
        const links = announcement.links.filter((link) => isWebUrl(link.url));
        return (
          <CallOut
            key={announcement.id}
            className="announcement"
            iconId="fr-icon-megaphone-line"
            title={announcement.title}
            titleAs="h2"
            bodyAs="div"
            data-testid="announcement"
          >
            <p className="announcement__text">{announcement.text}</p>
            {links.length > 0 && (
              <ul className="announcement__links">
                {links.map((link) => (
                  <li key={link.url}>
                    <a
                      className="fr-link"
                      href={link.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      title={`${link.title} – nouvel onglet`}
                    >
                      {link.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </CallOut>
        );
      })}
    </section>
  );
}

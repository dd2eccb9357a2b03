import CallOut from '@codegouvfr/react-dsfr/CallOut';
import type { Announcement } from '../../../../../src/contracts/socket-events';
import { ExternalLinkList } from './ExternalLinkList';

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
      {announcements.map((announcement) => (
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
          <ExternalLinkList links={announcement.links} className="announcement__links" />
        </CallOut>
      ))}
    </section>
  );
}

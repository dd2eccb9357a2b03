import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useId, useState } from 'react';
import type { OrientationSection } from '../../../../../src/contracts/socket-events';
import { ExternalLinkList } from './ExternalLinkList';

/**
 * Props: the sections in force when the chat opened, in the server's order; `collapsible` once the citizen has
 * written in the chat.
 */
export interface OrientationMenuProps {
  sections: OrientationSection[];
  collapsible: boolean;
}

/**
 * « Vous orienter »: the orientation menu of `intents/settings.yaml` (« Je suis victime », « Je veux signaler »,
 * « Je m'informe »), one DSFR accordion per section (`data-testid="orientation-section"`) listing its links, which
 * open in a new tab without access to the page; links that are not http(s) are left out, every text is shown as
 * text. Once `collapsible`, the menu folds into its heading's button (`data-testid="orientation-toggle"`, closed at
 * first) so the conversation has the room; the citizen opens it again at will. Renders nothing without a section.
 */
export function OrientationMenu({ sections, collapsible }: OrientationMenuProps) {
  const [expandedWhileChatting, setExpandedWhileChatting] = useState(false);
  const headingId = useId();
  const panelId = useId();
  if (sections.length === 0) {
    return null;
  }
  const shown = !collapsible || expandedWhileChatting;
  return (
    <nav className="orientation" aria-labelledby={headingId} data-testid="orientation-menu">
      <h2 className="orientation__title" id={headingId}>
        {collapsible ? (
          <Button
            priority="tertiary no outline"
            iconId={shown ? 'fr-icon-subtract-line' : 'fr-icon-add-line'}
            iconPosition="right"
            className="orientation__toggle"
            onClick={() => setExpandedWhileChatting(!shown)}
            nativeButtonProps={{ 'aria-expanded': shown, 'aria-controls': panelId, 'data-testid': 'orientation-toggle' }}
          >
            Vous orienter
          </Button>
        ) : (
          'Vous orienter'
        )}
      </h2>
      <div id={panelId} className="fr-accordions-group" hidden={!shown}>
        {sections.map((section) => (
          <Accordion key={section.id} label={section.title} titleAs="h3" data-testid="orientation-section">
            <ExternalLinkList links={section.links} className="orientation__links" />
          </Accordion>
        ))}
      </div>
    </nav>
  );
}

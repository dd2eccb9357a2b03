import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { CLOSE_OUTCOMES, type DailyStats, type SupervisionSnapshot } from '../../../../../src/contracts/socket-events';
import { closeOutcomeLabel } from '../../conversations/close-outcome-label';
import { officerLoadLabel, officerStatusLabel, routingModeLabel } from '../../officers/officer-labels';
import { intentLabel, type IntentTitles } from '../../triage/triage-labels';
import { formatDuration } from '../format-duration';
import { useSupervision } from '../hooks/useSupervision';

/** Props: the bearer `token`, intent titles by id, and `onSessionExpired()` when the server refuses the token. */
export interface SupervisionViewProps {
  token: string;
  intentTitles: IntentTitles;
  onSessionExpired: () => void;
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) {
    return date;
  }
  // Noon UTC: the same calendar day in every time zone the browser may be in.
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}

/** « 4,2 / 5 (12 avis) », or « aucun avis » when no rating was given. Index 0 of `ratings` counts score 1. */
function describeRatings(ratings: number[]): string {
  const count = ratings.reduce((sum, current) => sum + current, 0);
  if (count === 0) {
    return 'aucun avis';
  }
  const total = ratings.reduce((sum, current, index) => sum + current * (index + 1), 0);
  return `${numberFormat.format(total / count)} / 5 (${count} avis)`;
}

function KeyFigures({ snapshot }: { snapshot: SupervisionSnapshot }) {
  const { today } = snapshot;
  const figures: { id: string; label: string; value: string }[] = [
    { id: 'queue-length', label: "En file d'attente", value: String(snapshot.queueLength) },
    { id: 'longest-wait', label: 'Attente la plus longue', value: formatDuration(snapshot.longestWaitMs) },
    { id: 'conversations', label: "Conversations aujourd'hui", value: String(today.conversations) },
    { id: 'handed-off', label: 'Transmises à un officier', value: String(today.handedOff) },
    {
      id: 'deflection',
      label: 'Résolues sans officier',
      value: today.deflectionRate === null ? '—' : percentFormat.format(today.deflectionRate),
    },
    { id: 'ratings', label: 'Note moyenne des citoyens', value: describeRatings(today.ratings) },
  ];
  return (
    <dl className="supervision-figures">
      {figures.map((figure) => (
        <div key={figure.id} className="supervision-figures__item">
          <dt className="fr-text--sm fr-mb-1v">{figure.label}</dt>
          <dd className="fr-h4 fr-mb-0" data-testid={`supervision-${figure.id}`}>
            {figure.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Tables({ snapshot, intentTitles }: { snapshot: SupervisionSnapshot; intentTitles: IntentTitles }) {
  const { today } = snapshot;
  const intents: DailyStats['intents'] = [...today.intents].sort(
    (left, right) =>
      right.answer + right.emergency + right.clarify + right.handoff -
      (left.answer + left.emergency + left.clarify + left.handoff),
  );
  return (
    <>
      <div data-testid="supervision-officers">
        <Table
          caption="Officiers"
          headers={['Officier', 'Connecté', 'Statut', 'Charge']}
          data={snapshot.officers.map((officer) => [
            officer.displayName,
            officer.online ? 'oui' : 'non',
            officerStatusLabel(officer.status),
            officerLoadLabel(officer),
          ])}
          bordered
        />
      </div>
      <div data-testid="supervision-outcomes">
        <Table
          caption="Clôtures par issue"
          headers={['Issue', 'Conversations']}
          data={CLOSE_OUTCOMES.map((outcome) => [closeOutcomeLabel(outcome), today.outcomes[outcome] ?? 0])}
          bordered
        />
      </div>
      <div data-testid="supervision-intents">
        {intents.length === 0 && <p className="fr-text--sm">Aucune décision du robot aujourd'hui.</p>}
        <Table
          caption="Décisions du robot par intention"
          headers={['Intention', 'Réponse', 'Urgence', 'Précision demandée', 'Transmise']}
          data={intents.map((row) => [
            intentLabel(row.intent, intentTitles),
            row.answer,
            row.emergency,
            row.clarify,
            row.handoff,
          ])}
          bordered
        />
      </div>
      <div data-testid="supervision-ratings">
        <Table
          caption="Avis des citoyens (de 1, mauvais, à 5, très bien)"
          headers={['Note', 'Avis']}
          data={[1, 2, 3, 4, 5].map((score) => [`${score} / 5`, today.ratings[score - 1] ?? 0])}
          bordered
        />
      </div>
    </>
  );
}

/**
 * « Supervision » (`data-testid="supervision-view"`), for supervisors: polls `GET /api/v1/supervision` every 5 s
 * while shown and displays the shift: queue length, longest wait, routing mode, today's conversations, handed off,
 * share resolved without an officer (deflection), average rating; then tables of officers (presence, status,
 * load), closes by outcome, bot decisions per intent and ratings. Counts only, never message text.
 */
export function SupervisionView({ token, intentTitles, onSessionExpired }: SupervisionViewProps) {
  const { snapshot, receivedAt, failure } = useSupervision(token, onSessionExpired);

  return (
    <div className="supervision" data-testid="supervision-view">
      <h2 className="fr-h4 fr-mb-1w">
        Supervision de la permanence
        {snapshot !== null && <span className="fr-text--md fr-ml-1w">({formatDay(snapshot.today.date)})</span>}
      </h2>
      <p className="fr-text--sm" aria-live="polite">
        {receivedAt === null ? 'Chargement…' : `Mis à jour à ${timeFormat.format(new Date(receivedAt))}`}
        {snapshot !== null && (
          <Badge as="span" small noIcon severity="info" className="fr-ml-1w">
            {routingModeLabel(snapshot.routingMode)}
          </Badge>
        )}
      </p>
      {failure === 'forbidden' && (
        <Alert severity="error" small role="alert" description="Cette vue est réservée aux superviseurs." />
      )}
      {failure === 'unavailable' && (
        <Alert
          className="fr-mb-2w"
          severity="warning"
          small
          role="status"
          description="Données de supervision indisponibles pour l’instant, nouvel essai dans quelques secondes."
        />
      )}
      {snapshot !== null && (
        <>
          <KeyFigures snapshot={snapshot} />
          <Tables snapshot={snapshot} intentTitles={intentTitles} />
        </>
      )}
    </div>
  );
}

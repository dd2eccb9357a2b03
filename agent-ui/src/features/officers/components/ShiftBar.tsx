import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useState } from 'react';
import type { OfficerLoadView, OfficerStatus, RoutingMode } from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { describeAckFailure } from '../../../lib/socket-error-messages';
import { testId } from '../../../lib/test-id';
import { OFFICER_STATUSES, officerLoadLabel, officerStatusLabel, routingModeLabel } from '../officer-labels';

/**
 * Props: the `status` shown, `pending` while a change awaits the server, `disabled` when the socket is down,
 * `own` (the officer's roster entry, null before the first roster), the `routingMode` (null before the first
 * roster), and `onChange(status)` resolving with the server's acknowledgement of `officer:status`.
 */
export interface ShiftBarProps {
  status: OfficerStatus;
  pending: boolean;
  disabled: boolean;
  own: OfficerLoadView | null;
  routingMode: RoutingMode | null;
  onChange: (status: OfficerStatus) => Promise<AckResult>;
}

/**
 * The officer's shift at a glance: « Mon statut » (Disponible / Occupé / Absent, `data-testid="status-<status>"`),
 * the load « 2 / 3 conversations » (`data-testid="officer-load"`), the routing mode
 * (`data-testid="routing-mode"`), and why the last status change failed.
 */
export function ShiftBar({ status, pending, disabled, own, routingMode, onChange }: ShiftBarProps) {
  const [error, setError] = useState<string | null>(null);

  const handleChange = async (next: OfficerStatus) => {
    setError(null);
    const result = await onChange(next);
    if (!result.ok) {
      setError(describeAckFailure(result));
    }
  };

  const [first, second, third] = OFFICER_STATUSES.map((segment) => ({
    label: officerStatusLabel(segment),
    nativeInputProps: {
      value: segment,
      checked: status === segment,
      disabled: disabled || pending,
      onChange: () => void handleChange(segment),
      ...testId(`status-${segment}`),
    },
  }));

  return (
    <div className="shift-bar fr-mb-2w">
      <SegmentedControl small inlineLegend legend="Mon statut" name="officer-status" segments={[first, second, third]} />
      <p className="fr-mb-0" data-testid="officer-load">
        <span className="fr-icon-chat-3-line fr-mr-1v" aria-hidden="true" />
        Charge : {own === null ? '…' : officerLoadLabel(own)}
      </p>
      {routingMode !== null && (
        <Badge as="span" small noIcon severity={routingMode === 'auto' ? 'new' : 'info'} data-testid="routing-mode">
          {routingModeLabel(routingMode)}
        </Badge>
      )}
      {error !== null && (
        <Alert
          className="shift-bar__error"
          severity="error"
          small
          role="alert"
          closable
          onClose={() => setError(null)}
          description={error}
        />
      )}
    </div>
  );
}

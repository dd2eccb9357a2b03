import type { OfficerLoadView, OfficerStatus, RoutingMode } from '../../../../src/contracts/socket-events';

/** Every status, in the order the console offers them. */
export const OFFICER_STATUSES: readonly OfficerStatus[] = ['available', 'busy', 'away'];

/** French label of an officer's status: « Disponible », « Occupé », « Absent ». */
export function officerStatusLabel(status: OfficerStatus): string {
  switch (status) {
    case 'available':
      return 'Disponible';
    case 'busy':
      return 'Occupé';
    case 'away':
      return 'Absent';
  }
}

/** French label of the routing mode: officers pick from the queue, or chats are routed to them. */
export function routingModeLabel(mode: RoutingMode): string {
  switch (mode) {
    case 'pick':
      return 'Prise en charge depuis la file';
    case 'auto':
      return 'Attribution automatique';
  }
}

/** An officer's load in French: « 2 / 3 conversations » (concurrent chats held / capacity). */
export function officerLoadLabel(officer: Pick<OfficerLoadView, 'load' | 'capacity'>): string {
  return `${officer.load} / ${officer.capacity} conversation${officer.capacity > 1 ? 's' : ''}`;
}

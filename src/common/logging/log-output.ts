import type { DestinationStream, LevelWithSilent } from 'pino';

/**
 * Where the service's structured logs go and from which level: the `LoggingModule` builds pino from it. The
 * service logs from `info` up to standard output (one JSON object per line); there is no setting for it. The
 * end-to-end tests replace it (`overrideProvider(LogOutput)`) to read every line from `debug` up.
 */
export class LogOutput {
  /**
   * @param level lowest level written (pino's names: `trace`, `debug`, `info`, `warn`, `error`, `fatal`, `silent`).
   * @param stream where the lines go; absent: standard output.
   */
  constructor(
    readonly level: LevelWithSilent = 'info',
    readonly stream?: DestinationStream,
  ) {}
}

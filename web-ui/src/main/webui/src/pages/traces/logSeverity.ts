/** Mantine colours for OpenTelemetry's severity ranges, as the trace view shows log lines. */
export function severityColor(severity: string): string {
  switch (severity) {
    case 'fatal':
    case 'error':
      return 'red';
    case 'warn':
      return 'yellow';
    case 'info':
      return 'blue';
    default:
      return 'gray';
  }
}

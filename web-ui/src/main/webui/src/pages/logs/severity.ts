/** OpenTelemetry's severity levels as the logs API names them, lowest first, with their colours. */
export const SEVERITIES = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export type SeverityLevel = (typeof SEVERITIES)[number];

export function isSeverity(value: string | null | undefined): value is SeverityLevel {
  return (SEVERITIES as readonly string[]).includes(value ?? '');
}

/** Mantine colour names for badges (which follow the colour scheme by themselves). */
const MANTINE: Record<string, string> = {
  trace: 'gray',
  debug: 'cyan',
  info: 'blue',
  warn: 'yellow',
  error: 'red',
  fatal: 'grape',
  unspecified: 'gray',
};

/** The same colours as hex for the histogram's canvas, which cannot read CSS variables. */
const HEX: Record<string, string> = {
  trace: '#adb5bd',
  debug: '#15aabf',
  info: '#228be6',
  warn: '#fab005',
  error: '#fa5252',
  fatal: '#be4bdb',
  unspecified: '#868e96',
};

export function severityColor(level: string): string {
  return MANTINE[level] ?? MANTINE.unspecified;
}

export function severityHex(level: string): string {
  return HEX[level] ?? HEX.unspecified;
}

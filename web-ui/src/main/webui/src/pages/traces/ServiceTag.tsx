import { Badge, Box, Group, Text } from '@mantine/core';
import { serviceColor, serviceHue } from './serviceColors';

/** A service name with its colour dot, as a compact badge (results table, trace header). */
export function ServiceTag({ service, size = 'sm' }: { service: string; size?: 'xs' | 'sm' | 'md' }) {
  const { hue, shade } = serviceHue(service);
  return (
    <Badge variant="dot" color={`${hue}.${shade}`} size={size} tt="none" fw={500} radius="sm">
      {service}
    </Badge>
  );
}

/** A colour swatch and a name, for dense rows where a badge is too heavy. */
export function ServiceDot({ service, label }: { service: string; label?: string }) {
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Box w={8} h={8} style={{ borderRadius: 2, flexShrink: 0, background: serviceColor(service) }} />
      <Text size="sm" truncate="end">
        {label ?? service}
      </Text>
    </Group>
  );
}

import { Alert, Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconKeyOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CodeBlock, CopyValue } from './CodeBlock';
import { authHeaderName, authHeaderValue, otelEnvironment, type SetupValues } from './setup';

function Row({ label, hint, value }: { label: string; hint: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td w={190} style={{ verticalAlign: 'top' }}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
            {value}
          </Text>
          <CopyValue value={value} label={`Copy ${label}`} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Where SDKs send: the DSN for Sentry SDKs, the OTLP endpoints and key header for OpenTelemetry. */
export function ConnectionDetails({ values, hasKey, keysPath }: { values: SetupValues; hasKey: boolean; keysPath: string }) {
  const header = `${authHeaderName(values)}: ${authHeaderValue(values)}`;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Connection</Title>
        {!hasKey && (
          <Alert color="yellow" icon={<IconKeyOff size={16} />} p="xs">
            Every key of this project is disabled, so SDKs would be refused. Enable or create one under{' '}
            <Anchor component={Link} to={keysPath} size="sm">
              the project's keys
            </Anchor>
            .
          </Alert>
        )}
        <Table withRowBorders verticalSpacing={6}>
          <Table.Tbody>
            <Row label="DSN" hint="Sentry SDKs" value={values.dsn} />
            <Row label="OTLP/HTTP endpoint" hint="OpenTelemetry, http/protobuf" value={values.otlpHttpUrl} />
            <Row label="OTLP/gRPC endpoint" hint="OpenTelemetry, grpc" value={values.otlpGrpcUrl} />
            <Row label="OTLP header" hint="the project key, on every export" value={header} />
          </Table.Tbody>
        </Table>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Any OpenTelemetry SDK or agent reads these environment variables
          </Text>
          <CodeBlock code={otelEnvironment(values)} label="environment variables" />
        </div>
      </Stack>
    </Paper>
  );
}

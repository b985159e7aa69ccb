import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { projectPath } from '../../../lib/projects';
import { KeyValueTable, Section } from './KeyValueTable';
import { pairs, type SentryEvent } from './sentryEvent';

const CONTEXT_TITLES: Record<string, string> = {
  trace: 'Trace',
  runtime: 'Runtime',
  os: 'Operating system',
  client_os: 'Client operating system',
  browser: 'Browser',
  device: 'Device',
  app: 'App',
  gpu: 'GPU',
  culture: 'Culture',
  cloud_resource: 'Cloud resource',
  response: 'Response',
  otel: 'OpenTelemetry',
  state: 'State',
};

const ORDER = Object.keys(CONTEXT_TITLES);

function contextTitle(key: string, value: Record<string, unknown>): string {
  if (CONTEXT_TITLES[key]) return CONTEXT_TITLES[key];
  if (typeof value.type === 'string' && CONTEXT_TITLES[value.type]) return CONTEXT_TITLES[value.type];
  return key;
}

/** "node v20.20.2", "Debian 12.11": one line per context for the event's summary strip. */
export function contextSummary(contexts: SentryEvent['contexts']): string[] {
  const out: string[] = [];
  for (const key of ['runtime', 'browser', 'os', 'device']) {
    const c = contexts?.[key];
    if (!c) continue;
    const text = [c.name ?? c.model ?? c.family, c.version ?? c.arch].filter((v) => typeof v === 'string' && v.trim()).join(' ');
    if (text) out.push(String(text).trim());
  }
  return out;
}

/** The event's contexts (runtime, OS, browser, device, trace and custom ones), one card each. */
export function ContextsSection({ contexts, projectId }: { contexts: SentryEvent['contexts']; projectId: number }) {
  const entries = Object.entries(contexts ?? {})
    .filter((e): e is [string, Record<string, unknown>] => Boolean(e[1]) && typeof e[1] === 'object' && Object.keys(e[1]!).length > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  if (!entries.length) return null;
  return (
    <Section id="contexts" title="Contexts">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {entries.map(([key, value]) => (
          <Paper key={key} withBorder p={6}>
            <Text size="xs" fw={700} mb={2}>
              {contextTitle(key, value)}
            </Text>
            <KeyValueTable
              keyWidth={150}
              rows={Object.entries(value)
                .filter(([k]) => k !== 'type')
                .map(([k, v]) => [k, key === 'trace' && k === 'trace_id' && typeof v === 'string' ? <TraceLink projectId={projectId} traceId={v} /> : v])}
            />
          </Paper>
        ))}
      </SimpleGrid>
    </Section>
  );
}

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  return i === -1 ? ORDER.length : i;
}

function TraceLink({ projectId, traceId }: { projectId: number; traceId: string }) {
  return (
    <Anchor component={Link} to={projectPath(projectId, 'traces', traceId)} size="xs" ff="monospace">
      {traceId}
    </Anchor>
  );
}

export function UserSection({ user }: { user: Record<string, unknown> | null | undefined }) {
  const rows = pairs(user).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!rows.length) return null;
  return (
    <Section id="user" title="User">
      <KeyValueTable rows={rows} />
    </Section>
  );
}

const FILTERABLE = new Set(['environment', 'release', 'level']);

/** The event's tags; environment, release and level link to the issue list filtered by them. */
export function TagsSection({ tags, projectId }: { tags: Array<{ key: string; value: string }>; projectId: number }) {
  if (!tags.length) return null;
  return (
    <Section id="tags" title="Tags">
      <Group gap={6}>
        {tags.map(({ key, value }) => {
          const label = (
            <>
              <Text span size="xs" c="dimmed" ff="monospace">
                {key}
              </Text>
              <Text span size="xs" ff="monospace" fw={600}>
                {' '}
                {value}
              </Text>
            </>
          );
          return (
            <Paper key={`${key}=${value}`} withBorder px={6} py={1} radius="sm">
              {FILTERABLE.has(key) ? (
                <Anchor component={Link} to={`${projectPath(projectId, 'issues')}?${new URLSearchParams({ [key]: value })}`} underline="never" c="inherit">
                  {label}
                </Anchor>
              ) : (
                label
              )}
            </Paper>
          );
        })}
      </Group>
    </Section>
  );
}

/** SDK name and version, its integrations and packages; the event's extra data and loaded modules. */
export function SdkAndExtraSections({ event }: { event: SentryEvent }) {
  const [modulesOpen, setModulesOpen] = useState(false);
  const sdk = event.sdk;
  const extra = pairs(event.extra);
  const modules = Object.entries(event.modules ?? {});
  return (
    <>
      {extra.length > 0 && (
        <Section id="extra" title="Additional data">
          <KeyValueTable rows={extra} />
        </Section>
      )}
      {sdk && (
        <Section id="sdk" title="SDK">
          <KeyValueTable
            rows={[
              ['name', sdk.name ?? '–'],
              ['version', sdk.version ?? '–'],
              ...(sdk.packages?.length ? [['packages', sdk.packages.map((p) => `${p.name}@${p.version}`).join(', ')] as [string, unknown]] : []),
              ...(sdk.integrations?.length
                ? [
                    [
                      'integrations',
                      <Group gap={4}>
                        {sdk.integrations.map((i) => (
                          <Badge key={i} size="xs" variant="default" tt="none">
                            {i}
                          </Badge>
                        ))}
                      </Group>,
                    ] as [string, unknown],
                  ]
                : []),
            ]}
          />
        </Section>
      )}
      {modules.length > 0 && (
        <Section
          id="modules"
          title={`Packages (${modules.length})`}
          right={
            <Button size="compact-xs" variant="subtle" onClick={() => setModulesOpen((v) => !v)} aria-expanded={modulesOpen}>
              {modulesOpen ? 'Hide' : 'Show'}
            </Button>
          }
        >
          {modulesOpen && <KeyValueTable rows={modules.sort(([a], [b]) => a.localeCompare(b))} keyWidth={260} />}
        </Section>
      )}
    </>
  );
}

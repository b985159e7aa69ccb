import { Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { LoadingState } from '../../components/states';
import { useCurrentProject } from '../../lib/projects';
import { useMe } from '../../session/session';
import { AlertsTab } from './AlertsTab';
import { useAlerts } from './api';
import { ChannelsTab } from './ChannelsTab';
import { HistoryTab } from './HistoryTab';
import { canEditAlerts } from './permissions';
import { RulesTab } from './RulesTab';
import { SilencesTab } from './SilencesTab';

const TABS = ['alerts', 'rules', 'history', 'channels', 'silences'] as const;
type Tab = (typeof TABS)[number];

/**
 * Alerting of the project, in the order an on-call engineer needs it: what is firing now, the rules
 * behind it (PromQL and error rules), what changed when, where notifications go, and silences.
 */
export function AlertsPage() {
  const project = useCurrentProject();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'alerts';
  if (!project) return <LoadingState />;
  const editable = canEditAlerts(me, project.organization);
  // Each tab keeps its own parameters; switching tabs starts the new one clean.
  const select = (t: string | null) => t && setParams(t === 'alerts' ? {} : { tab: t });
  return (
    <Stack gap="sm">
      <Title order={3}>Alerts</Title>
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="alerts" rightSection={<FiringCount projectId={project.id} />}>
            Alerts
          </Tabs.Tab>
          <Tabs.Tab value="rules">Rules</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
          <Tabs.Tab value="channels">Channels</Tabs.Tab>
          <Tabs.Tab value="silences">Silences</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="alerts" pt="md">
          <AlertsTab projectId={project.id} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesTab projectId={project.id} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab projectId={project.id} />
        </Tabs.Panel>
        <Tabs.Panel value="channels" pt="md">
          <ChannelsTab projectId={project.id} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="silences" pt="md">
          <SilencesTab projectId={project.id} editable={editable} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** How many alerts fire now, next to the tab's name, whichever tab is open. */
function FiringCount({ projectId }: { projectId: number }) {
  const alerts = useAlerts(projectId, 'all');
  const firing = alerts.data?.filter((a) => a.state === 'firing').length ?? 0;
  if (!firing) return null;
  return (
    <Group gap={0}>
      <Badge size="xs" color="red" variant="filled" circle aria-label={`${firing} firing`}>
        {firing}
      </Badge>
    </Group>
  );
}

import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { LoadingState } from '../../components/states';
import { useCurrentProject } from '../../lib/projects';
import { AccountTab } from './AccountTab';
import { KeysTab } from './KeysTab';
import { MembersTab } from './MembersTab';
import { ProjectsTab } from './ProjectsTab';
import { TokensTab } from './TokensTab';

/** Settings of the current project's organization, the project's keys, and the user's account. */
export function SettingsPage() {
  const project = useCurrentProject();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'keys';
  if (!project) return <LoadingState />;
  return (
    <Stack>
      <Title order={3}>Settings</Title>
      <Tabs value={tab} onChange={(t) => t && setParams({ tab: t }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="keys">Client keys (DSN)</Tabs.Tab>
          <Tabs.Tab value="projects">Projects</Tabs.Tab>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="tokens">API tokens</Tabs.Tab>
          <Tabs.Tab value="account">Account</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="keys" pt="md">
          <KeysTab projectId={project.id} organization={project.organization} />
        </Tabs.Panel>
        <Tabs.Panel value="projects" pt="md">
          <ProjectsTab organization={project.organization} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <MembersTab organization={project.organization} />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensTab organization={project.organization} />
        </Tabs.Panel>
        <Tabs.Panel value="account" pt="md">
          <AccountTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import { AppShell, Burger, Group, NavLink, ScrollArea, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconActivity,
  IconBell,
  IconBug,
  IconChartLine,
  IconFileText,
  IconLayoutDashboard,
  IconRocket,
  IconSettings,
  IconTimeline,
} from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { projectPath, useProjectId, useProjects } from '../lib/projects';
import { UserMenu } from './UserMenu';

const SECTIONS = [
  { path: 'issues', label: 'Issues', icon: IconBug },
  { path: 'traces', label: 'Traces', icon: IconTimeline },
  { path: 'services', label: 'Services', icon: IconActivity },
  { path: 'logs', label: 'Logs', icon: IconFileText },
  { path: 'metrics', label: 'Metrics', icon: IconChartLine },
  { path: 'dashboards', label: 'Dashboards', icon: IconLayoutDashboard },
  { path: 'alerts', label: 'Alerts', icon: IconBell },
  { path: 'getting-started', label: 'Getting started', icon: IconRocket },
  { path: 'settings', label: 'Settings', icon: IconSettings },
] as const;

/** The frame of every project page: project switcher and sections on the left, the page on the right. */
export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const projectId = useProjectId();
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <img src="/favicon.svg" width={22} height={22} alt="" />
            <Title order={4}>Vigil</Title>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        <ProjectSwitcher current={projectId} />
        <AppShell.Section grow component={ScrollArea} mt="sm">
          {SECTIONS.map(({ path, label, icon: Icon }) => (
            <NavLink
              key={path}
              component={RouterLink}
              to={projectPath(projectId, path)}
              label={label}
              leftSection={<Icon size={16} stroke={1.6} />}
              onClick={close}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function ProjectSwitcher({ current }: { current: number }) {
  const projects = useProjects();
  const navigate = useNavigate();
  const location = useLocation();
  const organizations = [...new Set((projects.data ?? []).map((p) => p.organization))];
  const data = organizations.map((org) => ({
    group: org,
    items: (projects.data ?? []).filter((p) => p.organization === org).map((p) => ({ value: String(p.id), label: p.name })),
  }));
  return (
    <div>
      <Text size="xs" c="dimmed" mb={2}>
        Project
      </Text>
      <Select
        aria-label="Project"
        size="xs"
        data={data}
        value={String(current)}
        searchable
        allowDeselect={false}
        onChange={(value) => {
          if (!value) return;
          // Keep the section (issues, traces…) but not ids that belong to the old project.
          const section = location.pathname.split('/')[3] ?? 'issues';
          navigate(projectPath(Number(value), section));
        }}
      />
    </div>
  );
}

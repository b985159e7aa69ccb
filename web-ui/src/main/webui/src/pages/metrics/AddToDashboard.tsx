import { Button, Menu, Text } from '@mantine/core';
import { IconLayoutDashboard, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/http';
import { projectPath, useCurrentProject } from '../../lib/projects';
import { useMe } from '../../session/session';
import { useCreateDashboard, useDashboards, useUpdateDashboard, type Dashboard, type Panel } from '../dashboards/api';
import { addPanel, newPanelId } from '../dashboards/layout';
import { canEditDashboards } from '../dashboards/permissions';

/** Puts the query that ran onto a dashboard (an existing one, or a new one named after it) and opens it. */
export function AddToDashboard({ projectId, query, view }: { projectId: number; query: string; view: 'graph' | 'table' }) {
  const project = useCurrentProject();
  const me = useMe();
  const editable = project ? canEditDashboards(me, project.organization) : false;
  const dashboards = useDashboards(projectId);
  const create = useCreateDashboard(projectId);
  const update = useUpdateDashboard(projectId);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  if (!editable) return null;

  const panel = (panels: Panel[]): Panel => ({ id: newPanelId(panels), title: '', kind: 'promql', query, view, gridPos: { x: 0, y: 0, w: 12, h: 8 } });
  // The dashboard opens on the time range the query was looked at.
  const open = (d: Dashboard) => {
    const range = new URLSearchParams([...params].filter(([k]) => k === 'range' || k === 'from' || k === 'to'));
    navigate(projectPath(projectId, 'dashboards', d.id) + (range.size ? `?${range}` : ''));
  };
  const addTo = async (id: number) => {
    setError(null);
    try {
      const d = await api<Dashboard>(`/api/v1/projects/${projectId}/dashboards/${id}`);
      open(await update.mutateAsync({ id, input: { title: d.title, panels: addPanel(d.panels, panel(d.panels)), version: d.version } }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const addToNew = async () => {
    setError(null);
    try {
      open(await create.mutateAsync({ title: query.length > 60 ? `${query.slice(0, 57)}…` : query, panels: addPanel([], panel([])) }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="subtle" leftSection={<IconLayoutDashboard size={14} />} loading={create.isPending || update.isPending}>
          Add to dashboard
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        {error && (
          <Text size="xs" c="red" px="xs" maw={260}>
            {error}
          </Text>
        )}
        <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => void addToNew()}>
          New dashboard
        </Menu.Item>
        {(dashboards.data ?? []).length > 0 && <Menu.Divider />}
        {(dashboards.data ?? []).map((d) => (
          <Menu.Item key={d.id} onClick={() => void addTo(d.id)}>
            {d.title}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

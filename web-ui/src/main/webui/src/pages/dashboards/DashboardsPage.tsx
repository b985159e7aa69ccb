import { Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/http';
import { EmptyState, QueryView } from '../../components/states';
import { formatTimestamp, timeAgo } from '../../lib/format';
import { projectPath, useCurrentProject, useProjectId } from '../../lib/projects';
import { useMe } from '../../session/session';
import { useCreateDashboard, useDashboards, useDeleteDashboard, useUpdateDashboard, type Dashboard, type DashboardSummary } from './api';
import { DeleteDialog, TitleDialog } from './DashboardDialogs';
import { canEditDashboards } from './permissions';
import { EditDeleteMenu } from '../../components/EditDeleteMenu';

type Dialog = { kind: 'create' } | { kind: 'rename'; dashboard: DashboardSummary } | { kind: 'delete'; dashboard: DashboardSummary } | null;

/** The project's dashboards: open, create, rename, delete. */
export function DashboardsPage() {
  const projectId = useProjectId();
  const project = useCurrentProject();
  const me = useMe();
  const editable = project ? canEditDashboards(me, project.organization) : false;
  const dashboards = useDashboards(projectId);
  const [params, setParams] = useSearchParams();
  const filter = params.get('q') ?? '';
  const [dialog, setDialog] = useState<Dialog>(null);
  const [readError, setReadError] = useState<Error | null>(null);
  const navigate = useNavigate();
  const create = useCreateDashboard(projectId);
  const update = useUpdateDashboard(projectId);
  const remove = useDeleteDashboard(projectId);
  const close = () => {
    setDialog(null);
    setReadError(null);
    create.reset();
    update.reset();
    remove.reset();
  };

  const rename = async (d: DashboardSummary, title: string) => {
    // A rename keeps the panels: read the dashboard, write it back with the new title and its version.
    let full: Dashboard;
    try {
      full = await api<Dashboard>(`/api/v1/projects/${projectId}/dashboards/${d.id}`);
    } catch (e) {
      setReadError(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    update.mutate({ id: d.id, input: { title, panels: full.panels, version: full.version } }, { onSuccess: close });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>Dashboards</Title>
        <Group gap="xs">
          <TextInput
            size="xs"
            placeholder="Filter by title"
            aria-label="Filter dashboards"
            leftSection={<IconSearch size={14} />}
            value={filter}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setParams((p) => {
                const next = new URLSearchParams(p);
                if (value) next.set('q', value);
                else next.delete('q');
                return next;
              }, { replace: true });
            }}
          />
          {editable && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'create' })}>
              New dashboard
            </Button>
          )}
        </Group>
      </Group>
      <QueryView
        query={dashboards}
        isEmpty={(ds) => ds.length === 0}
        empty={
          <EmptyState title="No dashboards yet">
            {editable ? 'Create one and add PromQL graphs, top issues, trace durations and log volume.' : 'An admin of the organization can create dashboards.'}
          </EmptyState>
        }
      >
        {(ds) => {
          const shown = ds.filter((d) => d.title.toLowerCase().includes(filter.toLowerCase()));
          if (shown.length === 0) return <EmptyState title="No dashboard matches the filter" />;
          return (
            <Table highlightOnHover aria-label="Dashboards">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th ta="right">Panels</Table.Th>
                  <Table.Th>Updated</Table.Th>
                  {editable && <Table.Th w={40} aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={projectPath(projectId, 'dashboards', d.id)} fw={600} size="sm">
                        {d.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{d.panelCount}</Table.Td>
                    <Table.Td>
                      <Text size="sm" title={formatTimestamp(d.updatedAt)}>
                        {timeAgo(d.updatedAt)}
                      </Text>
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        <EditDeleteMenu
                          name={d.title} editLabel="Rename"
                          onEdit={() => setDialog({ kind: 'rename', dashboard: d })}
                          onDelete={() => setDialog({ kind: 'delete', dashboard: d })}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryView>
      {dialog?.kind === 'create' && (
        <TitleDialog
          heading="New dashboard"
          action="Create"
          pending={create.isPending}
          error={create.error}
          onClose={close}
          onSubmit={(title) =>
            create.mutate({ title, panels: [] }, { onSuccess: (d) => navigate(projectPath(projectId, 'dashboards', d.id), { state: { edit: true } }) })
          }
        />
      )}
      {dialog?.kind === 'rename' && (
        <TitleDialog
          heading="Rename dashboard"
          initial={dialog.dashboard.title}
          action="Rename"
          pending={update.isPending}
          error={update.error ?? readError}
          onClose={close}
          onSubmit={(title) => void rename(dialog.dashboard, title)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          title={dialog.dashboard.title}
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate(dialog.dashboard.id, { onSuccess: close })}
        />
      )}
    </Stack>
  );
}

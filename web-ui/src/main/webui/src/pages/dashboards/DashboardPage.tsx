import { Alert, Anchor, Breadcrumbs, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconPencil, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useBlocker, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { EmptyState, QueryView } from '../../components/states';
import { TimeRangePicker } from '../../components/TimeRangePicker';
import { projectPath, useCurrentProject, useProjectId } from '../../lib/projects';
import { useTimeRange } from '../../lib/useTimeRange';
import { useMe } from '../../session/session';
import { useDashboard, useUpdateDashboard, type Dashboard, type Panel } from './api';
import { DashboardGrid } from './DashboardGrid';
import { addPanel, movePanel, newPanelId, removePanel, replacePanel, resizePanel } from './layout';
import { PanelEditor } from './PanelEditor';
import { canEditDashboards } from './permissions';

interface Draft {
  title: string;
  panels: Panel[];
}

/** One dashboard over the URL's time range; editors change it in place and save it whole. */
export function DashboardPage() {
  const projectId = useProjectId();
  const id = Number(useParams().dashboardId);
  const dashboard = useDashboard(projectId, id);
  return (
    <QueryView query={dashboard}>
      {(d) => <DashboardView key={d.id} projectId={projectId} dashboard={d} />}
    </QueryView>
  );
}

function DashboardView({ projectId, dashboard }: { projectId: number; dashboard: Dashboard }) {
  const project = useCurrentProject();
  const me = useMe();
  const editable = project ? canEditDashboards(me, project.organization) : false;
  const { range, setAbsolute } = useTimeRange('6h');
  const [params] = useSearchParams();
  const location = useLocation();
  // A dashboard just created opens in edit mode.
  const [draft, setDraft] = useState<Draft | null>(
    (location.state as { edit?: boolean } | null)?.edit && editable ? { title: dashboard.title, panels: dashboard.panels } : null,
  );
  const [editingPanel, setEditingPanel] = useState<Panel | null>(null);
  const navigate = useNavigate();
  // The "open in edit mode" flag is for arriving from the create dialog only, not for reloads.
  useEffect(() => {
    if ((location.state as { edit?: boolean } | null)?.edit) navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location, navigate]);
  const update = useUpdateDashboard(projectId);
  const dirty = draft !== null && (draft.title !== dashboard.title || JSON.stringify(draft.panels) !== JSON.stringify(dashboard.panels));
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const panels = draft?.panels ?? dashboard.panels;
  const setPanels = (change: (panels: Panel[]) => Panel[]) => setDraft((d) => (d ? { ...d, panels: change(d.panels) } : d));
  const save = () => {
    if (!draft) return;
    update.mutate({ id: dashboard.id, input: { title: draft.title.trim(), panels: draft.panels, version: dashboard.version } }, { onSuccess: () => setDraft(null) });
  };
  const newPanel = (): Panel => ({ id: newPanelId(panels), title: '', kind: 'promql', query: '', view: 'graph', gridPos: { x: 0, y: 0, w: 12, h: 8 } });
  const conflict = update.error instanceof ApiError && update.error.status === 409;

  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to={projectPath(projectId, 'dashboards')} size="sm">
          Dashboards
        </Anchor>
        <Text size="sm">{dashboard.title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        {draft ? (
          <TextInput
            aria-label="Dashboard title"
            value={draft.title}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            error={draft.title.trim() ? undefined : 'A title is required'}
            style={{ flex: 1, maxWidth: 480 }}
          />
        ) : (
          <Title order={3}>{dashboard.title}</Title>
        )}
        <Group gap="xs">
          <TimeRangePicker fallback="6h" />
          {draft ? (
            <>
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditingPanel(newPanel())}>
                Add panel
              </Button>
              <Button size="xs" variant="default" onClick={() => { setDraft(null); update.reset(); }}>
                Cancel
              </Button>
              <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} onClick={save} loading={update.isPending} disabled={!draft.title.trim()}>
                Save
              </Button>
            </>
          ) : (
            editable && (
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setDraft({ title: dashboard.title, panels: dashboard.panels })}>
                Edit
              </Button>
            )
          )}
        </Group>
      </Group>
      {update.isError && (
        <Alert color="red" title={conflict ? 'Someone else saved this dashboard meanwhile' : 'Not saved'} role="alert">
          <Text size="sm">{conflict ? 'Copy what you changed, reload the page to get their version, and apply your changes again.' : update.error.message}</Text>
        </Alert>
      )}
      {panels.length === 0 ? (
        <EmptyState title="This dashboard has no panels yet">
          {draft ? (
            <Button size="xs" mt="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditingPanel(newPanel())}>
              Add a panel
            </Button>
          ) : editable ? (
            'Edit it to add PromQL graphs, issue lists, trace durations and log volume.'
          ) : (
            'An admin of the organization can add panels.'
          )}
        </EmptyState>
      ) : (
        <DashboardGrid
          projectId={projectId}
          panels={panels}
          from={range.from}
          to={range.to}
          rangeParams={params}
          onZoom={setAbsolute}
          editing={
            draft
              ? (panel) => ({
                  onEdit: () => setEditingPanel(panel),
                  onMove: (delta) => setPanels((ps) => movePanel(ps, panel.id, delta)),
                  onResize: (size) => setPanels((ps) => resizePanel(ps, panel.id, size)),
                  onDelete: () => setPanels((ps) => removePanel(ps, panel.id)),
                })
              : undefined
          }
        />
      )}
      {editingPanel && (
        <PanelEditor
          projectId={projectId}
          initial={editingPanel}
          from={range.from}
          to={range.to}
          onClose={() => setEditingPanel(null)}
          onSave={(p) => {
            setPanels((ps) => (ps.some((x) => x.id === p.id) ? replacePanel(ps, p) : addPanel(ps, p)));
            setEditingPanel(null);
          }}
        />
      )}
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title="Leave without saving?">
        <Text size="sm">This dashboard has changes that are not saved.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            Stay
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Discard changes
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

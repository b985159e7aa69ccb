import { Button, Group, Menu, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileImport, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, QueryView } from '../../components/states';
import { countByRule } from './alertView';
import { alertingApi, useAlertingWrite, useAlerts, useRuleGroups } from './api';
import { CodeText, ConfirmDialog } from './common';
import { ErrorRulesSection } from './ErrorRulesSection';
import { ImportRulesDialog } from './ImportRulesDialog';
import { RuleGroupCard } from './RuleGroupCard';
import { RuleGroupEditor } from './RuleGroupEditor';
import { groupToYaml, storedGroupJson } from './ruleForm';
import type { RuleGroup } from './types';
import { ExportDialog, GroupYamlDialog } from './YamlDialog';

type Dialog =
  | { kind: 'import'; namespace?: string }
  | { kind: 'edit'; group?: RuleGroup }
  | { kind: 'yaml'; group: RuleGroup }
  | { kind: 'export'; namespace: string }
  | { kind: 'delete-group'; group: RuleGroup }
  | { kind: 'delete-namespace'; namespace: string; groups: number }
  | null;

/** Whether a group or one of its rules matches the filter text (names and expressions). */
function matchesFilter(group: RuleGroup, text: string): boolean {
  if (!text) return true;
  const t = text.toLowerCase();
  return [group.namespace, group.name, ...group.rules.flatMap((r) => [r.alert ?? r.record ?? '', r.expr])].some((s) => s.toLowerCase().includes(t));
}

/** PromQL rule groups by namespace (rule file), and error rules. */
export function RulesTab({ projectId, editable }: { projectId: number; editable: boolean }) {
  const [params, setParams] = useSearchParams();
  const filter = params.get('q') ?? '';
  const groups = useRuleGroups(projectId);
  const alerts = useAlerts(projectId, 'all');
  const counts = countByRule(alerts.data ?? []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [newErrorRule, setNewErrorRule] = useState(false);
  const api = alertingApi(projectId);
  const removeGroup = useAlertingWrite(projectId, api.deleteGroup);
  const removeNamespace = useAlertingWrite(projectId, api.deleteRuleFile);
  const close = () => {
    setDialog(null);
    removeGroup.reset();
    removeNamespace.reset();
  };
  const namespaces = new Map<string, number>();
  for (const g of groups.data ?? []) namespaces.set(g.namespace, (namespaces.get(g.namespace) ?? 0) + 1);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <TextInput
          size="xs"
          w={320}
          placeholder="Filter by name or expression"
          aria-label="Filter rules"
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
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} onClick={() => setDialog({ kind: 'import' })}>
              Import rules.yml
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="xs" leftSection={<IconPlus size={14} />} rightSection={<IconChevronDown size={14} />}>
                  New rule
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog({ kind: 'edit' })}>PromQL rule group</Menu.Item>
                <Menu.Item onClick={() => setNewErrorRule(true)}>Error rule</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>

      <Title order={5}>PromQL rules</Title>
      <QueryView
        query={groups}
        isEmpty={(l) => l.length === 0}
        empty={
          <EmptyState title="No PromQL rules">
            Import the rules.yml you use with Prometheus (alerting and recording rules, templates and all), or create a group here. Vigil evaluates them over the metrics
            it stores.
          </EmptyState>
        }
      >
        {(list) => {
          const shown = list.filter((g) => matchesFilter(g, filter));
          if (shown.length === 0) return <EmptyState title="No rule matches the filter" />;
          const byNamespace = [...new Set(shown.map((g) => g.namespace))].sort();
          return (
            <Stack gap="lg">
              {byNamespace.map((ns) => (
                <Stack key={ns} gap="xs">
                  <Group justify="space-between">
                    <Group gap="xs">
                      <Text size="xs" c="dimmed">
                        namespace
                      </Text>
                      <CodeText>{ns}</CodeText>
                    </Group>
                    <Group gap={4}>
                      <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={12} />} onClick={() => setDialog({ kind: 'export', namespace: ns })}>
                        Export YAML
                      </Button>
                      {editable && (
                        <>
                          <Button size="compact-xs" variant="subtle" leftSection={<IconFileImport size={12} />} onClick={() => setDialog({ kind: 'import', namespace: ns })}>
                            Replace
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={12} />}
                            onClick={() => setDialog({ kind: 'delete-namespace', namespace: ns, groups: namespaces.get(ns) ?? 0 })}
                          >
                            Delete
                          </Button>
                        </>
                      )}
                    </Group>
                  </Group>
                  {shown
                    .filter((g) => g.namespace === ns)
                    .map((g) => (
                      <RuleGroupCard
                        key={g.id}
                        group={g}
                        projectId={projectId}
                        counts={counts}
                        actions={{
                          onShowYaml: (group) => setDialog({ kind: 'yaml', group }),
                          onEdit: editable ? (group) => setDialog({ kind: 'edit', group }) : undefined,
                          onDelete: editable ? (group) => setDialog({ kind: 'delete-group', group }) : undefined,
                        }}
                      />
                    ))}
                </Stack>
              ))}
            </Stack>
          );
        }}
      </QueryView>

      <Title order={5}>Error rules</Title>
      <ErrorRulesSection projectId={projectId} editable={editable} filter={filter} counts={counts} creating={newErrorRule} onCreated={() => setNewErrorRule(false)} />

      {dialog?.kind === 'import' && <ImportRulesDialog projectId={projectId} namespaces={namespaces} initialNamespace={dialog.namespace} onClose={close} />}
      {dialog?.kind === 'edit' && <RuleGroupEditor projectId={projectId} group={dialog.group} onClose={close} />}
      {dialog?.kind === 'yaml' && <GroupYamlDialog name={dialog.group.name} yaml={groupToYaml(storedGroupJson(dialog.group))} onClose={close} />}
      {dialog?.kind === 'export' && <ExportDialog projectId={projectId} namespace={dialog.namespace} onClose={close} />}
      {dialog?.kind === 'delete-group' && (
        <ConfirmDialog title="Delete rule group" pending={removeGroup.isPending} error={removeGroup.error} onClose={close} onConfirm={() => removeGroup.mutate(dialog.group.id, { onSuccess: close })}>
          Delete the group <b>{dialog.group.name}</b> with its {dialog.group.rules.length} rule{dialog.group.rules.length === 1 ? '' : 's'}?
        </ConfirmDialog>
      )}
      {dialog?.kind === 'delete-namespace' && (
        <ConfirmDialog
          title="Delete rule file"
          pending={removeNamespace.isPending}
          error={removeNamespace.error}
          onClose={close}
          onConfirm={() => removeNamespace.mutate(dialog.namespace, { onSuccess: close })}
        >
          Delete the namespace <b>{dialog.namespace}</b> and its {dialog.groups} group{dialog.groups === 1 ? '' : 's'}? Export it first to keep a copy.
        </ConfirmDialog>
      )}
    </Stack>
  );
}

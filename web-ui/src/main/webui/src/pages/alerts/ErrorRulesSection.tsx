import { Table, Text } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, QueryView } from '../../components/states';
import { ruleCountKey } from './alertView';
import { alertingApi, useAlertingWrite, useErrorRules } from './api';
import { ConfirmDialog, EnabledToggle, LabelChips } from './common';
import { describeErrorRule, errorRuleInput } from './errorRules';
import { ErrorRuleDialog } from './ErrorRuleDialog';
import { notifyFailed } from './notify';
import type { ErrorRule } from './types';
import { EditDeleteMenu } from '../../components/EditDeleteMenu';

type Dialog = { kind: 'edit'; rule?: ErrorRule } | { kind: 'delete'; rule: ErrorRule } | null;

/** Error rules: alerts on new issues, regressions, issue frequency and event volume. */
export function ErrorRulesSection({
  projectId,
  editable,
  filter,
  counts,
  creating,
  onCreated,
}: {
  projectId: number;
  editable: boolean;
  filter: string;
  counts: Map<string, { firing: number; pending: number }>;
  creating: boolean;
  onCreated: () => void;
}) {
  const rules = useErrorRules(projectId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const api = alertingApi(projectId);
  const toggle = useAlertingWrite(projectId, (r: ErrorRule) => api.updateErrorRule(r.id, { ...errorRuleInput(r), enabled: !r.enabled }));
  const remove = useAlertingWrite(projectId, api.deleteErrorRule);
  const closeDelete = () => {
    setDialog(null);
    remove.reset();
  };

  return (
    <>
      <QueryView
        query={rules}
        isEmpty={(l) => l.length === 0}
        empty={<EmptyState title="No error rules">An error rule alerts on a new issue, a regression, an issue seen N times in M minutes, or the project's event volume.</EmptyState>}
      >
        {(list) => {
          const shown = list.filter((r) => r.name.toLowerCase().includes(filter.toLowerCase()));
          if (shown.length === 0) return <EmptyState title="No error rule matches the filter" />;
          return (
            <Table aria-label="Error rules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Fires when</Table.Th>
                  <Table.Th>Labels</Table.Th>
                  <Table.Th w={110}>Alerts now</Table.Th>
                  <Table.Th w={70}>Enabled</Table.Th>
                  <Table.Th w={40} aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => {
                  const count = counts.get(ruleCountKey(`error:${r.id}`, r.name));
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {r.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeErrorRule(r)}</Text>
                        {r.lastError && (
                          <Text size="xs" c="red" ff="monospace">
                            {r.lastError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <LabelChips labels={r.labels} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={count?.firing ? 'red' : 'dimmed'}>
                          {count ? `${count.firing} firing${count.pending ? `, ${count.pending} pending` : ''}` : 'none'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <EnabledToggle label={`${r.name} enabled`} enabled={r.enabled} editable={editable} pending={toggle.isPending} onChange={() => toggle.mutate(r, { onError: notifyFailed })} />
                      </Table.Td>
                      <Table.Td>
                        {editable && (
                          <EditDeleteMenu
                            name={r.name}
                            onEdit={() => setDialog({ kind: 'edit', rule: r })}
                            onDelete={() => setDialog({ kind: 'delete', rule: r })}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          );
        }}
      </QueryView>
      {(creating || dialog?.kind === 'edit') && (
        <ErrorRuleDialog
          projectId={projectId}
          rule={dialog?.kind === 'edit' ? dialog.rule : undefined}
          onClose={() => {
            setDialog(null);
            onCreated();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog title="Delete error rule" pending={remove.isPending} error={remove.error} onClose={closeDelete} onConfirm={() => remove.mutate(dialog.rule.id, { onSuccess: closeDelete })}>
          Delete the error rule <b>{dialog.rule.name}</b>? It stops raising alerts.
        </ConfirmDialog>
      )}
    </>
  );
}

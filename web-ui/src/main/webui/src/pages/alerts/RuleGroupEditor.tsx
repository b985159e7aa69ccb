import { Button, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { alertingApi, useAlertingWrite } from './api';
import { FormErrors, MONO_INPUT } from './common';
import { notifyDone } from './notify';
import { RuleFields } from './RuleFields';
import { emptyGroup, emptyRule, formToGroup, groupToForm, groupToYaml, storedGroupJson, yamlToGroup, type GroupForm } from './ruleForm';
import type { RuleGroup, RuleGroupJson } from './types';

type Mode = 'form' | 'yaml';

/**
 * Creating or editing one rule group, in a form or as YAML (the same group either way; switching
 * converts and checks). A new group goes to the namespace "vigil"; an edit keeps the group's own.
 */
export function RuleGroupEditor({ projectId, group, onClose }: { projectId: number; group?: RuleGroup; onClose: () => void }) {
  const [mode, setMode] = useState<Mode>('form');
  const [form, setForm] = useState<GroupForm>(() => (group ? groupToForm(group) : emptyGroup()));
  const [yaml, setYaml] = useState(() => (group ? groupToYaml(storedGroupJson(group)) : ''));
  const [errors, setErrors] = useState<string[]>([]);
  const api = alertingApi(projectId);
  const save = useAlertingWrite(projectId, (body: RuleGroupJson) => (group ? api.updateGroup(group.id, body, group.version) : api.createGroup(body)));

  const current = () => (mode === 'form' ? formToGroup(form) : yamlToGroup(yaml));
  const switchTo = (next: Mode) => {
    if (next === mode) return;
    const result = current();
    setErrors(result.errors);
    if (!result.group) return;
    if (next === 'yaml') setYaml(groupToYaml(result.group));
    else setForm(groupToForm(result.group));
    setMode(next);
  };
  const submit = () => {
    const result = current();
    setErrors(result.errors);
    if (!result.group) return;
    save.mutate(result.group, {
      onSuccess: () => {
        notifyDone(group ? `Group ${result.group!.name} saved` : `Group ${result.group!.name} created`);
        onClose();
      },
    });
  };
  // The value is read here, not in the updater: React may run the updater after the event is gone.
  const setField = (key: 'name' | 'interval', value: string) => setForm((f) => ({ ...f, [key]: value }));
  const setRules = (rules: GroupForm['rules']) => setForm((f) => ({ ...f, rules }));
  const move = (i: number, by: -1 | 1) => {
    const rules = [...form.rules];
    [rules[i], rules[i + by]] = [rules[i + by], rules[i]];
    setRules(rules);
  };

  return (
    <Modal opened onClose={onClose} size="min(1100px, 95vw)" title={group ? `Edit rule group ${group.name}` : 'New rule group'} closeOnClickOutside={false}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Namespace <code>{group?.namespace ?? 'vigil'}</code>
            {group ? ` · version ${group.version}` : ''}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Editor"
            data={[
              { value: 'form', label: 'Form' },
              { value: 'yaml', label: 'YAML' },
            ]}
            value={mode}
            onChange={(v) => switchTo(v as Mode)}
          />
        </Group>
        {mode === 'form' ? (
          <>
            <SimpleGrid cols={3}>
              <TextInput size="xs" label="Group name" value={form.name} onChange={(e) => setField('name', e.currentTarget.value)} data-autofocus />
              <TextInput
                size="xs"
                styles={MONO_INPUT}
                label="Interval"
                placeholder="default (1m)"
                value={form.interval}
                onChange={(e) => setField('interval', e.currentTarget.value)}
              />
              <NumberInput
                size="xs"
                label="Limit"
                description="max alerts per rule, 0 = none"
                min={0}
                value={form.limit}
                onChange={(v) => setForm((f) => ({ ...f, limit: typeof v === 'number' ? v : 0 }))}
              />
            </SimpleGrid>
            {form.rules.map((rule, i) => (
              <RuleFields
                key={i}
                projectId={projectId}
                index={i}
                count={form.rules.length}
                rule={rule}
                onChange={(r) => setRules(form.rules.map((x, j) => (i === j ? r : x)))}
                onRemove={() => setRules(form.rules.filter((_, j) => j !== i))}
                onMove={(by) => move(i, by)}
              />
            ))}
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRules([...form.rules, emptyRule('alert')])}>
                Alerting rule
              </Button>
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRules([...form.rules, emptyRule('record')])}>
                Recording rule
              </Button>
            </Group>
          </>
        ) : (
          <Textarea
            aria-label="Rule group YAML"
            description="One group, as under groups: in a Prometheus rule file"
            autosize
            minRows={16}
            maxRows={40}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
            placeholder={'name: api\nrules:\n  - alert: HighErrorRate\n    expr: sum(rate(errors_total[5m])) > 1\n    for: 5m'}
            value={yaml}
            onChange={(e) => setYaml(e.currentTarget.value)}
          />
        )}
        <FormErrors errors={errors} error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {group ? 'Save group' : 'Create group'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

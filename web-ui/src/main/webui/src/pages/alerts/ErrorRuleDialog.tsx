import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { alertingApi, useAlertingWrite } from './api';
import { FormErrors } from './common';
import { errorRuleToForm, formToErrorRule, isCounting, TRIGGERS, type ErrorRuleForm } from './errorRules';
import { KeyValueEditor } from './KeyValueEditor';
import { notifyDone } from './notify';
import { LEVELS, type ErrorRule, type ErrorRuleInput, type ErrorTrigger, type Level } from './types';

/** Creating or editing an error rule: what triggers it, for which environment and levels, with which labels. */
export function ErrorRuleDialog({ projectId, rule, onClose }: { projectId: number; rule?: ErrorRule; onClose: () => void }) {
  const [form, setForm] = useState<ErrorRuleForm>(() => errorRuleToForm(rule));
  const [errors, setErrors] = useState<string[]>([]);
  const api = alertingApi(projectId);
  const save = useAlertingWrite(projectId, (body: ErrorRuleInput) => (rule ? api.updateErrorRule(rule.id, body) : api.createErrorRule(body)));
  const set = <K extends keyof ErrorRuleForm>(key: K, value: ErrorRuleForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const counting = isCounting(form.trigger);

  const submit = () => {
    const result = formToErrorRule(form);
    setErrors(result.errors);
    if (!result.body) return;
    save.mutate(result.body, {
      onSuccess: () => {
        notifyDone(rule ? 'Error rule saved' : 'Error rule created');
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={rule ? `Edit ${rule.name}` : 'New error rule'} size="lg">
      <Stack gap="sm">
        <TextInput size="xs" label="Name" placeholder="New errors in production" value={form.name} onChange={(e) => set('name', e.currentTarget.value)} data-autofocus />
        <Select size="xs" label="Trigger" data={TRIGGERS} value={form.trigger} allowDeselect={false} onChange={(v) => v && set('trigger', v as ErrorTrigger)} />
        {counting && (
          <SimpleGrid cols={2}>
            <NumberInput
              size="xs"
              label={form.trigger === 'volume' ? 'At least N events' : 'Seen at least N times'}
              min={1}
              allowDecimal={false}
              value={form.threshold}
              onChange={(v) => set('threshold', typeof v === 'number' ? v : 0)}
            />
            <NumberInput size="xs" label="In M minutes" min={1} allowDecimal={false} value={form.windowMinutes} onChange={(v) => set('windowMinutes', typeof v === 'number' ? v : 0)} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={2}>
          <TextInput size="xs" label="Environment" placeholder="any" description="Only events of this environment" value={form.environment} onChange={(e) => set('environment', e.currentTarget.value)} />
          <Select
            size="xs"
            label="Minimum level"
            description="Only events at this level or above"
            data={[{ value: '', label: 'any level' }, ...LEVELS.map((l) => ({ value: l, label: l }))]}
            value={form.minLevel}
            allowDeselect={false}
            onChange={(v) => set('minLevel', (v ?? '') as Level | '')}
          />
        </SimpleGrid>
        <KeyValueEditor label="Labels" rows={form.labels} onChange={(rows) => set('labels', rows)} />
        <Switch size="sm" label="Enabled" checked={form.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
        <FormErrors errors={errors} error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {rule ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

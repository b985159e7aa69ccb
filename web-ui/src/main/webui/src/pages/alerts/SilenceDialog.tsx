import { ActionIcon, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyDone } from './notify';
import { alertingApi, useAlertingWrite, useAlerts } from './api';
import { FormErrors, MONO_INPUT } from './common';
import { MATCH_TYPES, matchesAll, type Matcher, type MatchType } from './matchers';
import { formToSilence, toLocalInput, type SilenceForm } from './silenceForm';

/** Creating a silence: matchers (pre-filled from an alert), start, a duration or an end, and why. */
export function SilenceDialog({ projectId, initial, onClose }: { projectId: number; initial: SilenceForm; onClose: () => void }) {
  const [form, setForm] = useState<SilenceForm>(initial);
  const [errors, setErrors] = useState<string[]>([]);
  const create = useAlertingWrite(projectId, alertingApi(projectId).createSilence);
  const alerts = useAlerts(projectId, 'all');
  const set = <K extends keyof SilenceForm>(key: K, value: SilenceForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setMatcher = (i: number, change: Partial<Matcher>) => set('matchers', form.matchers.map((m, j) => (i === j ? { ...m, ...change } : m)));

  // Like Alertmanager's preview: which alerts of now the silence would catch.
  const complete = form.matchers.filter((m) => m.name.trim() !== '');
  let affected: number | null = null;
  try {
    affected = complete.length ? (alerts.data ?? []).filter((a) => a.state !== 'resolved' && matchesAll(complete, a.labels)).length : null;
  } catch {
    affected = null; // a regular expression still being typed
  }

  const submit = () => {
    const result = formToSilence(form);
    setErrors(result.errors);
    if (!result.body) return;
    create.mutate(result.body, {
      onSuccess: () => {
        notifyDone('Silence created');
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title="New silence" size="lg">
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          Matchers
        </Text>
        {form.matchers.map((m, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput size="xs" styles={MONO_INPUT} aria-label={`Label name ${i + 1}`} placeholder="label" value={m.name} onChange={(e) => setMatcher(i, { name: e.currentTarget.value })} w={170} />
            <Select
              size="xs"
              aria-label={`Match type ${i + 1}`}
              data={MATCH_TYPES}
              value={m.type}
              allowDeselect={false}
              onChange={(v) => v && setMatcher(i, { type: v as MatchType })}
              w={70}
            />
            <TextInput size="xs" styles={MONO_INPUT} aria-label={`Value ${i + 1}`} placeholder="value" value={m.value} onChange={(e) => setMatcher(i, { value: e.currentTarget.value })} style={{ flex: 1 }} />
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove matcher ${i + 1}`} onClick={() => set('matchers', form.matchers.filter((_, j) => j !== i))}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => set('matchers', [...form.matchers, { name: '', type: '=', value: '' }])}>
            Add matcher
          </Button>
          {affected !== null && (
            <Text size="xs" c={affected ? undefined : 'dimmed'}>
              Silences {affected} alert{affected === 1 ? '' : 's'} firing or pending now
            </Text>
          )}
        </Group>
        <Group grow align="flex-start">
          <TextInput
            size="xs"
            type="datetime-local"
            label="Starts"
            description="Empty = now"
            value={form.startsAt}
            onChange={(e) => set('startsAt', e.currentTarget.value)}
          />
          <Stack gap={4}>
            <SegmentedControl
              size="xs"
              aria-label="End by"
              data={[
                { value: 'duration', label: 'Duration' },
                { value: 'until', label: 'Until' },
              ]}
              value={form.mode}
              onChange={(v) => setForm((f) => ({ ...f, mode: v as SilenceForm['mode'], until: f.until || toLocalInput(Date.now() + 2 * 3600_000) }))}
            />
            {form.mode === 'duration' ? (
              <TextInput size="xs" aria-label="Duration" styles={MONO_INPUT} placeholder="2h" value={form.duration} onChange={(e) => set('duration', e.currentTarget.value)} />
            ) : (
              <TextInput size="xs" type="datetime-local" aria-label="Ends at" value={form.until} onChange={(e) => set('until', e.currentTarget.value)} />
            )}
          </Stack>
        </Group>
        <Textarea size="xs" label="Comment" placeholder="Why, and until what (e.g. deploying the fix, OPS-123)" autosize minRows={2} value={form.comment} onChange={(e) => set('comment', e.currentTarget.value)} />
        <FormErrors errors={errors} error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            Create silence
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

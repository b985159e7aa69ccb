import { ActionIcon, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { PromQLEditor } from '../metrics/PromQLEditor';
import { KeyValueEditor } from './KeyValueEditor';
import type { RuleForm } from './ruleForm';
import { MONO_INPUT } from './common';

const noop = () => undefined;

/** One rule of the group editor: alert or recording rule, its PromQL (with completion), timing, labels, annotations. */
export function RuleFields({
  projectId,
  index,
  count,
  rule,
  onChange,
  onRemove,
  onMove,
}: {
  projectId: number;
  index: number;
  count: number;
  rule: RuleForm;
  onChange: (rule: RuleForm) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => onChange({ ...rule, [key]: value });
  const n = index + 1;
  return (
    <Paper withBorder p="xs">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              Rule {n}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={`Kind of rule ${n}`}
              data={[
                { value: 'alert', label: 'Alerting' },
                { value: 'record', label: 'Recording' },
              ]}
              value={rule.kind}
              onChange={(v) => set('kind', v as RuleForm['kind'])}
            />
          </Group>
          <Group gap={2}>
            <ActionIcon variant="subtle" color="gray" disabled={index === 0} aria-label={`Move rule ${n} up`} onClick={() => onMove(-1)}>
              <IconArrowUp size={14} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" disabled={index === count - 1} aria-label={`Move rule ${n} down`} onClick={() => onMove(1)}>
              <IconArrowDown size={14} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove rule ${n}`} onClick={onRemove}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        </Group>
        <TextInput
          size="xs"
          styles={MONO_INPUT}
          label={rule.kind === 'alert' ? 'Alert name' : 'Record (metric name)'}
          placeholder={rule.kind === 'alert' ? 'HighErrorRate' : 'job:http_requests:rate5m'}
          value={rule.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <Stack gap={2}>
          <Text size="xs" fw={500}>
            Expression
          </Text>
          <PromQLEditor projectId={projectId} value={rule.expr} onChange={(v) => set('expr', v)} onRun={noop} label={`Expression of rule ${n}`} placeholder="sum by (service) (rate(http_server_errors_total[5m])) > 1" />
        </Stack>
        {rule.kind === 'alert' && (
          <SimpleGrid cols={2}>
            <TextInput size="xs" styles={MONO_INPUT} label="For" description="pending this long before firing" placeholder="0s" value={rule.for} onChange={(e) => set('for', e.currentTarget.value)} />
            <TextInput
              size="xs"
              styles={MONO_INPUT}
              label="Keep firing for"
              description="after the condition clears"
              placeholder="0s"
              value={rule.keepFiringFor}
              onChange={(e) => set('keepFiringFor', e.currentTarget.value)}
            />
          </SimpleGrid>
        )}
        <KeyValueEditor label="Labels" rows={rule.labels} onChange={(rows) => set('labels', rows)} />
        {rule.kind === 'alert' && (
          <KeyValueEditor
            label="Annotations"
            rows={rule.annotations}
            onChange={(rows) => set('annotations', rows)}
            multiline
            valuePlaceholder="{{ $labels.service }} errors at {{ $value | humanizePercentage }}"
          />
        )}
      </Stack>
    </Paper>
  );
}

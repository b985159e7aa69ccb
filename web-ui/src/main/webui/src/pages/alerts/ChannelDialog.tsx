import { Button, Checkbox, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { alertingApi, useAlertingWrite } from './api';
import { channelToForm, CHANNEL_TYPES, formToChannel, URL_HINTS, type ChannelErrors, type ChannelForm } from './channelForm';
import { FormErrors, MONO_INPUT } from './common';
import { notifyDone } from './notify';
import type { Channel, ChannelInput, ChannelType } from './types';

/** Creating or editing a channel: where to (per type), which alerts, and how they are grouped. */
export function ChannelDialog({ projectId, channel, onClose }: { projectId: number; channel?: Channel; onClose: () => void }) {
  const [form, setForm] = useState<ChannelForm>(() => channelToForm(channel));
  const [errors, setErrors] = useState<ChannelErrors>({});
  const api = alertingApi(projectId);
  const save = useAlertingWrite(projectId, (body: ChannelInput) => (channel ? api.updateChannel(channel.id, body) : api.createChannel(body)));
  const set = <K extends keyof ChannelForm>(key: K, value: ChannelForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const hasSecret = channel?.type === 'webhook' && channel.settings.hasSecret === true;
  const storedUrl = channel && channel.type === form.type && typeof channel.settings.url === 'string' ? channel.settings.url : null;

  const submit = () => {
    const result = formToChannel(form, channel);
    setErrors(result.errors);
    if (!result.body) return;
    save.mutate(result.body, {
      onSuccess: () => {
        notifyDone(channel ? 'Channel saved' : 'Channel created: send a test notification to check it');
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={channel ? `Edit ${channel.name}` : 'New notification channel'} size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput size="xs" label="Name" placeholder="#alerts on Discord" value={form.name} error={errors.name} onChange={(e) => set('name', e.currentTarget.value)} data-autofocus />
          <Select
            size="xs"
            label="Type"
            data={CHANNEL_TYPES}
            value={form.type}
            allowDeselect={false}
            onChange={(v) => v && setForm((f) => ({ ...f, type: v as ChannelType, url: '' }))}
          />
        </SimpleGrid>
        {form.type === 'email' ? (
          <TagsInput
            size="xs"
            label="Recipients"
            description="Press Enter or comma after each address"
            placeholder="oncall@example.com"
            value={form.to}
            error={errors.to}
            splitChars={[',', ' ', ';']}
            onChange={(v) => set('to', v)}
          />
        ) : (
          <TextInput
            size="xs"
            label="Webhook URL"
            description={storedUrl ? `Stored: ${storedUrl} — leave empty to keep it` : URL_HINTS[form.type]}
            placeholder={storedUrl ? 'unchanged' : 'https://…'}
            styles={MONO_INPUT}
            value={form.url}
            error={errors.url}
            onChange={(e) => set('url', e.currentTarget.value)}
          />
        )}
        {form.type === 'webhook' && (
          <Group align="flex-end" wrap="nowrap">
            <PasswordInput
              size="xs"
              style={{ flex: 1 }}
              label="Signing secret (optional)"
              description={
                hasSecret
                  ? 'A secret is stored; leave empty to keep it, or type a new one'
                  : 'Requests then carry X-Vigil-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">'
              }
              value={form.secret}
              disabled={form.removeSecret}
              onChange={(e) => set('secret', e.currentTarget.value)}
              autoComplete="new-password"
            />
            {hasSecret && <Checkbox size="xs" mb={6} label="Remove it" checked={form.removeSecret} onChange={(e) => set('removeSecret', e.currentTarget.checked)} />}
          </Group>
        )}
        <TextInput
          size="xs"
          label="Matchers"
          description="Which alerts this channel gets; empty = every alert of the project"
          placeholder='{severity=~"critical|error"}'
          styles={MONO_INPUT}
          value={form.matchers}
          error={errors.matchers}
          onChange={(e) => set('matchers', e.currentTarget.value)}
        />
        <TagsInput
          size="xs"
          label="Group by"
          description='Labels that split alerts into separate notifications; "..." = every alert alone; empty = one notification for all'
          value={form.groupBy}
          error={errors.groupBy}
          data={['alertname', 'severity', 'service', 'issue_id', '...']}
          onChange={(v) => set('groupBy', v)}
        />
        <SimpleGrid cols={3}>
          <TextInput size="xs" styles={MONO_INPUT} label="Group wait" description="before the first notice" value={form.groupWait} error={errors.groupWait} onChange={(e) => set('groupWait', e.currentTarget.value)} />
          <TextInput size="xs" styles={MONO_INPUT} label="Group interval" description="between updates" value={form.groupInterval} error={errors.groupInterval} onChange={(e) => set('groupInterval', e.currentTarget.value)} />
          <TextInput size="xs" styles={MONO_INPUT} label="Repeat interval" description="while still firing" value={form.repeatInterval} error={errors.repeatInterval} onChange={(e) => set('repeatInterval', e.currentTarget.value)} />
        </SimpleGrid>
        <Group>
          <Switch size="sm" label="Send resolved notifications" checked={form.sendResolved} onChange={(e) => set('sendResolved', e.currentTarget.checked)} />
          <Switch size="sm" label="Enabled" checked={form.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
        </Group>
        {Object.keys(errors).length > 0 && (
          <Text size="xs" c="red">
            Fix the fields marked above.
          </Text>
        )}
        <FormErrors error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {channel ? 'Save' : 'Create'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

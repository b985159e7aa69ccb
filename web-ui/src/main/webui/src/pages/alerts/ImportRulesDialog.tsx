import { Alert, Button, FileButton, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { alertingApi, useAlertingWrite } from './api';
import { FormErrors, MONO_INPUT } from './common';
import { notifyDone } from './notify';
import { namespaceError, namespaceFromFileName, summarizeRuleFile } from './ruleFile';

/**
 * Importing a Prometheus rules.yml: pasted or uploaded, into a namespace (the file's name), replacing
 * the groups that namespace had. The server's errors name each group and rule at fault.
 */
export function ImportRulesDialog({
  projectId,
  namespaces,
  initialNamespace = '',
  onClose,
}: {
  projectId: number;
  namespaces: Map<string, number>;
  initialNamespace?: string;
  onClose: () => void;
}) {
  const [namespace, setNamespace] = useState(initialNamespace);
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useAlertingWrite(projectId, (a: { namespace: string; yaml: string }) => alertingApi(projectId).importRuleFile(a.namespace, a.yaml));
  const summary = summarizeRuleFile(text);
  const nsError = namespaceError(namespace);
  const replacing = namespaces.get(namespace.trim()) ?? 0;

  const readFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    try {
      setText(await file.text());
      if (!namespace) setNamespace(namespaceFromFileName(file.name));
    } catch (e) {
      setFileError(`Cannot read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const submit = () =>
    upload.mutate(
      { namespace: namespace.trim(), yaml: text },
      {
        onSuccess: () => {
          notifyDone(`Imported ${summary.groups} group${summary.groups === 1 ? '' : 's'} into ${namespace.trim()}`);
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} size="min(900px, 95vw)" title="Import a Prometheus rule file" closeOnClickOutside={false}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput size="xs" label="Namespace" description="Usually the file's name; importing again replaces it" styles={MONO_INPUT} value={namespace} error={namespace ? nsError : null} onChange={(e) => setNamespace(e.currentTarget.value)} style={{ flex: 1 }} />
          <FileButton onChange={(f) => void readFile(f)} accept=".yml,.yaml,application/yaml,text/yaml,text/plain">
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />}>
                Choose file…
              </Button>
            )}
          </FileButton>
        </Group>
        {fileError && <Text size="sm" c="red">{fileError}</Text>}
        <Textarea
          aria-label="Rule file"
          autosize
          minRows={12}
          maxRows={30}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
          placeholder={'groups:\n  - name: api\n    rules:\n      - alert: APIHighErrorRate\n        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05\n        for: 10m\n        labels:\n          severity: critical\n        annotations:\n          summary: "API error rate {{ $value | humanizePercentage }}"'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {text.trim() !== '' &&
          (summary.error ? (
            <Text size="sm" c="red" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
              {summary.error}
            </Text>
          ) : (
            <Text size="sm">
              {summary.groups} group{summary.groups === 1 ? '' : 's'}: {summary.alerting} alerting and {summary.recording} recording rule
              {summary.recording === 1 ? '' : 's'}.
            </Text>
          ))}
        {replacing > 0 && !nsError && (
          <Alert color="yellow" p="xs" role="note">
            <Text size="sm">
              Replaces the {replacing} group{replacing === 1 ? '' : 's'} now in <code>{namespace.trim()}</code>; a group that keeps its name keeps its alerts' state.
            </Text>
          </Alert>
        )}
        <FormErrors error={upload.error} title="The rule file was not imported" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={upload.isPending} disabled={!!nsError || !!summary.error}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

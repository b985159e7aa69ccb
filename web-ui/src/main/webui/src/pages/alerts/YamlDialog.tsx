import { Button, CopyButton, Group, Modal, ScrollArea, Stack } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { QueryView } from '../../components/states';
import { alertingApi } from './api';
import { CodeText } from './common';

/** A namespace exported as the rule file Prometheus would load (GET /rule-files/{namespace}). */
export function ExportDialog({ projectId, namespace, onClose }: { projectId: number; namespace: string; onClose: () => void }) {
  const file = useQuery({ queryKey: ['alerting', projectId, 'rule-file', namespace], queryFn: () => alertingApi(projectId).exportRuleFile(namespace), staleTime: 0 });
  return (
    <Modal opened onClose={onClose} size="min(900px, 95vw)" title={`Rule file ${namespace}`}>
      <QueryView query={file}>{(yaml) => <YamlView yaml={yaml} fileName={`${namespace}.yml`} />}</QueryView>
    </Modal>
  );
}

/** One group as YAML, for copying into a rule file. */
export function GroupYamlDialog({ name, yaml, onClose }: { name: string; yaml: string; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} size="min(900px, 95vw)" title={`Group ${name} as YAML`}>
      <YamlView yaml={yaml} fileName={`${name}.yml`} />
    </Modal>
  );
}

function YamlView({ yaml, fileName }: { yaml: string; fileName: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <CopyButton value={yaml}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={download}>
          Download {fileName}
        </Button>
      </Group>
      <ScrollArea.Autosize mah="65vh" type="auto" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
        <div style={{ padding: 'var(--mantine-spacing-xs)' }}>
          <CodeText size="xs">{yaml}</CodeText>
        </div>
      </ScrollArea.Autosize>
    </Stack>
  );
}

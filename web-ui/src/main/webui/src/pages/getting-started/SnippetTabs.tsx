import { Paper, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { CodeBlock } from './CodeBlock';
import type { SetupValues } from './setup';
import { snippetGroups, type SnippetGroup } from './snippets';

/** The language tab a project's platform suggests, when the URL names none. */
export function defaultLanguage(platform: string): SnippetGroup['id'] {
  const p = platform.toLowerCase();
  if (p.startsWith('javascript') || p.startsWith('node')) return 'javascript';
  if (p.startsWith('java')) return 'java';
  if (p.startsWith('go')) return 'go';
  return 'python';
}

/**
 * Setup code by language (tabs) and SDK (segments), both kept in the URL (lang, sdk) so a link
 * to the page opens the same snippet.
 */
export function SnippetTabs({ values, platform }: { values: SetupValues; platform: string }) {
  const [params, setParams] = useSearchParams();
  const groups = snippetGroups(values);
  const lang = groups.find((g) => g.id === params.get('lang'))?.id ?? defaultLanguage(platform);
  const set = (key: 'lang' | 'sdk', value: string) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        next.set(key, value);
        if (key === 'lang') next.delete('sdk');
        return next;
      },
      { replace: true },
    );
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        Set up an SDK
      </Title>
      <Tabs value={lang} onChange={(v) => v && set('lang', v)} keepMounted={false}>
        <Tabs.List>
          {groups.map((g) => (
            <Tabs.Tab key={g.id} value={g.id}>
              {g.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {groups.map((g) => {
          const current = g.snippets.find((s) => s.id === params.get('sdk')) ?? g.snippets[0];
          return (
            <Tabs.Panel key={g.id} value={g.id} pt="sm">
              <Stack gap="sm">
                <SegmentedControl
                  size="xs"
                  value={current.id}
                  onChange={(v) => set('sdk', v)}
                  data={g.snippets.map((s) => ({ value: s.id, label: s.label }))}
                  aria-label={`${g.label} SDK`}
                  style={{ alignSelf: 'flex-start' }}
                />
                <Text size="sm">{current.note}</Text>
                {current.install && <CodeBlock code={current.install} label="install command" />}
                {current.files.map((f) => (
                  <div key={f.name}>
                    <Text size="xs" c="dimmed" ff="monospace" mb={2}>
                      {f.name}
                    </Text>
                    <CodeBlock code={f.code} label={f.name} />
                  </div>
                ))}
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Paper>
  );
}

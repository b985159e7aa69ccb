import { Badge, Button, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { formatTimestamp } from '../../../lib/format';
import { levelColor } from '../IssueBadges';
import { Code, Section } from './KeyValueTable';
import { crumbText, relativeToEvent, timestampMillis, type Breadcrumb } from './sentryEvent';

const SHOWN = 10;

/** What happened before the event, oldest first, timed relative to it (the last ones shown first). */
export function Breadcrumbs({ crumbs, eventTimestamp }: { crumbs: Breadcrumb[]; eventTimestamp: number | null }) {
  const [all, setAll] = useState(false);
  if (!crumbs.length) return null;
  const shown = all ? crumbs : crumbs.slice(-SHOWN);
  const hidden = crumbs.length - shown.length;
  return (
    <Section
      id="breadcrumbs"
      title={`Breadcrumbs (${crumbs.length})`}
      right={
        crumbs.length > SHOWN && (
          <Button size="compact-xs" variant="subtle" onClick={() => setAll((v) => !v)}>
            {all ? `Show the last ${SHOWN}` : `Show ${hidden} earlier`}
          </Button>
        )
      }
    >
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={3} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Category</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={80}>Level</Table.Th>
              <Table.Th w={90} ta="right">
                Time
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((crumb, i) => {
              const ms = timestampMillis(crumb.timestamp);
              return (
                <Table.Tr key={i}>
                  <Table.Td valign="top">
                    <Text size="xs" ff="monospace" truncate="end">
                      {crumb.category || crumb.type || 'default'}
                    </Text>
                  </Table.Td>
                  <Table.Td valign="top">
                    <Code>{crumbText(crumb) || '–'}</Code>
                  </Table.Td>
                  <Table.Td valign="top">
                    <Badge size="xs" variant="light" color={levelColor(crumb.level ?? 'info')}>
                      {crumb.level ?? 'info'}
                    </Badge>
                  </Table.Td>
                  <Table.Td valign="top" ta="right">
                    <Tooltip label={ms === null ? 'no timestamp' : formatTimestamp(new Date(ms).toISOString())}>
                      <Text size="xs" ff="monospace" c="dimmed">
                        {relativeToEvent(ms, eventTimestamp) || '–'}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

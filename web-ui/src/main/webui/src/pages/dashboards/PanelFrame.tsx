import { ActionIcon, Group, Menu, Paper, Text, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconDimensions, IconExternalLink, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Panel } from './api';
import { gridArea, HEIGHTS, WIDTHS } from './layout';
import { KINDS, panelTitle } from './panelKinds';

const WIDTH_LABELS: Record<number, string> = { 6: 'Quarter', 8: 'Third', 12: 'Half', 16: 'Two thirds', 18: 'Three quarters', 24: 'Full width' };
const HEIGHT_LABELS: Record<number, string> = { 6: 'Short', 8: 'Medium', 10: 'Tall', 12: 'Taller', 16: 'Tallest' };

export interface PanelEditing {
  onEdit: () => void;
  onMove: (delta: -1 | 1) => void;
  onResize: (size: { w?: number; h?: number }) => void;
  onDelete: () => void;
}

/** A panel's box on the grid: title, a link to the full page, and (editing) move, size, edit, delete. */
export function PanelFrame({ panel, link, editing, children }: { panel: Panel; link: string; editing?: PanelEditing; children: ReactNode }) {
  const title = panelTitle(panel);
  const section = KINDS[panel.kind].section;
  return (
    <Paper withBorder p="xs" style={{ ...gridArea(panel.gridPos), minWidth: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }} component="section" aria-label={title}>
      <Group justify="space-between" gap={4} wrap="nowrap" mb={4}>
        <Text fw={600} size="sm" truncate="end" title={title} ff={panel.title ? undefined : panel.kind === 'promql' ? 'monospace' : undefined}>
          {title}
        </Text>
        <Group gap={2} wrap="nowrap">
          {editing && (
            <>
              <Tooltip label="Move earlier">
                <ActionIcon variant="subtle" size="sm" onClick={() => editing.onMove(-1)} aria-label={`Move ${title} earlier`}>
                  <IconArrowLeft size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move later">
                <ActionIcon variant="subtle" size="sm" onClick={() => editing.onMove(1)} aria-label={`Move ${title} later`}>
                  <IconArrowRight size={14} />
                </ActionIcon>
              </Tooltip>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" size="sm" aria-label={`Size of ${title}`}>
                    <IconDimensions size={14} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>Width</Menu.Label>
                  {WIDTHS.map((w) => (
                    <Menu.Item key={`w${w}`} onClick={() => editing.onResize({ w })} fw={panel.gridPos.w === w ? 700 : undefined}>
                      {WIDTH_LABELS[w]}
                    </Menu.Item>
                  ))}
                  <Menu.Label>Height</Menu.Label>
                  {HEIGHTS.map((h) => (
                    <Menu.Item key={`h${h}`} onClick={() => editing.onResize({ h })} fw={panel.gridPos.h === h ? 700 : undefined}>
                      {HEIGHT_LABELS[h]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              <Tooltip label="Edit panel">
                <ActionIcon variant="subtle" size="sm" onClick={editing.onEdit} aria-label={`Edit ${title}`}>
                  <IconPencil size={14} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Remove panel">
                <ActionIcon variant="subtle" size="sm" color="red" onClick={editing.onDelete} aria-label={`Remove ${title}`}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
          <Tooltip label={`Open in ${section[0].toUpperCase()}${section.slice(1)}`}>
            <ActionIcon component={Link} to={link} variant="subtle" size="sm" aria-label={`Open ${title} in ${section}`}>
              <IconExternalLink size={14} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {/* Scrolls when a chart's legend or a long table needs more than the panel's rows. */}
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>{children}</div>
    </Paper>
  );
}

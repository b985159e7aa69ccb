import { useMediaQuery } from '@mantine/hooks';
import type { Panel } from './api';
import { COLUMNS, readingOrder, ROW_HEIGHT } from './layout';
import { PanelBody } from './PanelBody';
import { PanelFrame, type PanelEditing } from './PanelFrame';
import { panelLink } from './panelKinds';

const GAP = 8;
/** Title row and padding of a panel's box. */
const CHROME = 46;

/**
 * The panels on the 24-column grid; on narrow screens one column in reading order. Panel contents
 * get the pixel height of their rows.
 */
export function DashboardGrid({
  projectId,
  panels,
  from,
  to,
  rangeParams,
  onZoom,
  editing,
}: {
  projectId: number;
  panels: Panel[];
  from: Date;
  to: Date;
  rangeParams: URLSearchParams;
  onZoom: (from: Date, to: Date) => void;
  editing?: (panel: Panel) => PanelEditing;
}) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const shown = narrow
    ? readingOrder(panels).reduce<Panel[]>((acc, p) => {
        const y = acc.length ? acc[acc.length - 1].gridPos.y + acc[acc.length - 1].gridPos.h : 0;
        return [...acc, { ...p, gridPos: { x: 0, y, w: COLUMNS, h: p.gridPos.h } }];
      }, [])
    : panels;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${COLUMNS}, minmax(0, 1fr))`,
        gridAutoRows: `${ROW_HEIGHT}px`,
        gap: GAP,
      }}
    >
      {shown.map((panel) => (
        <PanelFrame key={panel.id} panel={panel} link={panelLink(projectId, panel, rangeParams)} editing={editing?.(panel)}>
          <PanelBody
            projectId={projectId}
            panel={panel}
            from={from}
            to={to}
            height={panel.gridPos.h * ROW_HEIGHT + (panel.gridPos.h - 1) * GAP - CHROME}
            onZoom={onZoom}
          />
        </PanelFrame>
      ))}
    </div>
  );
}

import { IconAlertCircleFilled, IconChevronDown, IconChevronRight, IconUnlink } from '@tabler/icons-react';
import { memo } from 'react';
import { formatDuration } from '../../lib/format';
import type { CriticalSegment } from './criticalPath';
import { serviceColor } from './serviceColors';
import classes from './Waterfall.module.css';
import { barGeometry, type TimeWindow, type WaterfallRow as Row } from './waterfall';

export const ROW_HEIGHT = 26;
const INDENT = 12;
const MAX_INDENT_LEVELS = 24;

export interface RowProps {
  row: Row;
  labelWidth: number;
  view: TimeWindow;
  selected: boolean;
  matched: boolean;
  collapsed: boolean;
  hiddenCount: number;
  critical: CriticalSegment[] | undefined;
  onSelect: (index: number) => void;
  onToggle: (spanId: string) => void;
}

/**
 * One span: tree label (indent, toggle, service colour, name, error mark) and its bar on the time
 * axis. Plain elements styled by Waterfall.module.css keep mounting rows cheap while scrolling.
 */
export const WaterfallRow = memo(function WaterfallRow({
  row,
  labelWidth,
  view,
  selected,
  matched,
  collapsed,
  hiddenCount,
  critical,
  onSelect,
  onToggle,
}: RowProps) {
  const { span } = row;
  const bar = barGeometry(row.offsetUs, row.durationUs, view);
  const duration = formatDuration(row.durationUs / 1000);
  const errorTitle = row.errors[0]?.title ?? (span.status === 'error' ? span.statusMessage || 'Status: error' : undefined);
  const labelOnLeft = bar.left + bar.width > 78;
  // A bar spanning (nearly) the whole width leaves no room beside it: the label sits on its end.
  const labelInside = labelOnLeft && bar.left < 12;
  // Zoomed in: a span wholly outside the window says on which side it is.
  const before = row.offsetUs + row.durationUs < view.startUs;
  const after = row.offsetUs > view.endUs;
  return (
    <div className={classes.row} data-selected={selected} data-row>
      <div
        className={classes.label}
        data-matched={matched}
        style={{ width: labelWidth, paddingLeft: 4 + Math.min(span.depth, MAX_INDENT_LEVELS) * INDENT }}
      >
        {row.children.length > 0 ? (
          <button
            type="button"
            className={classes.toggle}
            onClick={() => onToggle(span.spanId)}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${span.name}`}
            aria-expanded={!collapsed}
          >
            {collapsed ? <IconChevronRight size={14} /> : <IconChevronDown size={14} />}
          </button>
        ) : (
          <span className={classes.toggleSpacer} />
        )}
        <button
          type="button"
          className={classes.select}
          onClick={() => onSelect(row.index)}
          data-span-index={row.index}
          aria-pressed={selected}
          aria-label={`${span.service} ${span.name}, ${duration}${row.hasError ? ', error' : ''}${span.orphan ? ', parent missing' : ''}`}
          title={`${span.service}: ${span.name}`}
        >
          <span className={classes.swatch} style={{ background: serviceColor(span.service) }} />
          {span.orphan && (
            <span className={classes.orphan} title={`Its parent span ${span.parentSpanId ?? ''} is not stored`}>
              <IconUnlink size={12} aria-hidden />
            </span>
          )}
          <span className={classes.service}>{span.service}</span>
          <span className={classes.name}>{span.name}</span>
          {row.hasError && (
            <span className={classes.errorIcon} title={errorTitle}>
              <IconAlertCircleFilled size={14} aria-hidden />
            </span>
          )}
          {collapsed && hiddenCount > 0 && <span className={classes.hidden}>+{hiddenCount}</span>}
        </button>
      </div>
      <div className={classes.timeline} onClick={() => onSelect(row.index)} aria-hidden>
        <div
          className={classes.bar}
          style={{
            left: `${bar.left}%`,
            width: `${bar.width}%`,
            minWidth: bar.width > 0 || row.durationUs === 0 ? 2 : 0,
            background: row.hasError ? 'var(--mantine-color-red-filled)' : serviceColor(span.service),
          }}
        />
        {critical?.map((segment) => {
          const g = barGeometry(segment.startUs, segment.endUs - segment.startUs, view);
          return g.width > 0 ? <div key={segment.startUs} className={classes.critical} style={{ left: `${g.left}%`, width: `${g.width}%` }} /> : null;
        })}
        {before ? (
          <span className={classes.duration} style={{ left: 4 }}>
            ‹ {duration}
          </span>
        ) : after ? (
          <span className={classes.duration} style={{ right: 4 }}>
            {duration} ›
          </span>
        ) : (
          <span className={classes.duration} data-inside={labelInside} style={durationPosition(bar, labelOnLeft, labelInside)}>
            {duration}
          </span>
        )}
      </div>
    </div>
  );
});

function durationPosition(bar: { left: number; width: number }, onLeft: boolean, inside: boolean) {
  if (inside) return { right: `calc(${Math.max(0, 100 - bar.left - bar.width)}% + 4px)` };
  return onLeft ? { right: `calc(${100 - bar.left}% + 4px)` } : { left: `calc(${bar.left + bar.width}% + 4px)` };
}

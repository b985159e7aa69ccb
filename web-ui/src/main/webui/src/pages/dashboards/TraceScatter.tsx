import { Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { formatDuration } from '../../lib/format';
import { projectPath } from '../../lib/projects';
import type { TraceSummary } from '../../api/telemetry';

const PAD = { left: 56, right: 8, top: 8, bottom: 20 };

/** Durations of the latest matching traces over the range, errors in red; a point opens its trace. */
export function TraceScatter({ projectId, traces, from, to, height }: { projectId: number; traces: TraceSummary[]; from: Date; to: Date; height: number }) {
  const navigate = useNavigate();
  const { ref, width: measured } = useElementSize();
  const width = Math.max(200, measured);
  const span = Math.max(1, to.getTime() - from.getTime());
  const max = Math.max(1, ...traces.map((t) => t.durationMs));
  const x = (iso: string) => PAD.left + ((Date.parse(iso) - from.getTime()) / span) * (width - PAD.left - PAD.right);
  const y = (ms: number) => PAD.top + (1 - ms / max) * (height - PAD.top - PAD.bottom);
  const open = (t: TraceSummary) => navigate(projectPath(projectId, 'traces', t.traceId));
  const ticks = [0, 0.5, 1].map((f) => f * max);
  return (
    <div ref={ref}>
    <svg
      width={width}
      height={height}
      role="group"
      aria-label={`Durations of ${traces.length} traces`}
      style={{ display: 'block' }}
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-default-border)" strokeWidth={1} vectorEffect="non-scaling-stroke" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
            {formatDuration(v)}
          </text>
        </g>
      ))}
      {traces.map((t) => (
        <circle
          key={t.traceId}
          cx={x(t.start)}
          cy={y(t.durationMs)}
          r={4}
          fill={t.errorSpanCount > 0 ? 'var(--mantine-color-red-filled)' : 'var(--mantine-color-blue-filled)'}
          fillOpacity={0.75}
          style={{ cursor: 'pointer' }}
          role="link"
          tabIndex={0}
          aria-label={`${t.rootService} ${t.rootName}, ${formatDuration(t.durationMs)}${t.errorSpanCount ? ', with errors' : ''}`}
          onClick={() => open(t)}
          onKeyDown={(e) => e.key === 'Enter' && open(t)}
        >
          <title>{`${t.rootService}: ${t.rootName} — ${formatDuration(t.durationMs)}`}</title>
        </circle>
      ))}
    </svg>
    </div>
  );
}

export function ScatterNote({ count }: { count: number }) {
  return (
    <Text size="xs" c="dimmed">
      {count >= 100 ? 'The latest 100 matching traces' : `${count} matching trace${count === 1 ? '' : 's'}`} · red: with errors
    </Text>
  );
}

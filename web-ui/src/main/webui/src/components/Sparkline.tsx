/** A tiny bar sparkline in SVG: cheap enough for hundreds of rows, no chart instance per row. */
export function Sparkline({ values, width = 120, height = 28, label }: { values: number[]; width?: number; height?: number; label?: string }) {
  const max = Math.max(1, ...values);
  const barWidth = values.length ? width / values.length : width;
  return (
    <svg width={width} height={height} role="img" aria-label={label ?? `${values.reduce((a, b) => a + b, 0)} events`}>
      {values.map((v, i) => {
        const h = v === 0 ? 1 : Math.max(2, (v / max) * height);
        return (
          <rect
            key={i}
            x={i * barWidth + 0.5}
            y={height - h}
            width={Math.max(1, barWidth - 1)}
            height={h}
            fill={v === 0 ? 'var(--mantine-color-default-border)' : 'var(--mantine-color-blue-filled)'}
          />
        );
      })}
    </svg>
  );
}

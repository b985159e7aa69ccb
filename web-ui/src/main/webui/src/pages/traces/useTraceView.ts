import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TraceDetail } from './api';
import { criticalPath, segmentsByRow } from './criticalPath';
import { findSpans } from './spanFind';
import { ancestorIds, buildWaterfall, collapsedBeyondDepth, type TimeWindow } from './waterfall';

export type TraceTab = 'waterfall' | 'logs';

/**
 * The trace view's state. What a shared link should reproduce lives in the URL (selected span,
 * tab, find text); collapsing and zoom are local to the visit.
 */
export function useTraceView(trace: TraceDetail | undefined) {
  const [params, setParams] = useSearchParams();
  const model = useMemo(() => (trace ? buildWaterfall(trace) : null), [trace]);
  const critical = useMemo(() => (model ? segmentsByRow(criticalPath(model)) : null), [model]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [view, setView] = useState<TimeWindow | null>(null);
  const [showCritical, setShowCritical] = useState(true);

  const full = useMemo<TimeWindow>(() => ({ startUs: 0, endUs: model?.totalUs ?? 1 }), [model]);
  useEffect(() => setView(null), [full]);

  const selectedId = params.get('span');
  const selectedIndex = selectedId && model ? (model.indexById.get(selectedId) ?? null) : null;
  const tab: TraceTab = params.get('tab') === 'logs' ? 'logs' : 'waterfall';
  const find = params.get('find') ?? '';
  const matches = useMemo(() => (model ? findSpans(model, find) : []), [model, find]);

  const update = useCallback(
    (change: (p: URLSearchParams) => void) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  /** Selects a span, expanding whatever hides it, and shows the waterfall. */
  const select = useCallback(
    (spanId: string | null) => {
      if (spanId && model) {
        const index = model.indexById.get(spanId);
        if (index !== undefined) {
          const hiddenBy = ancestorIds(model, index);
          setCollapsed((c) => (hiddenBy.some((id) => c.has(id)) ? new Set([...c].filter((id) => !hiddenBy.includes(id))) : c));
        }
      }
      update((p) => {
        if (spanId) p.set('span', spanId);
        else p.delete('span');
        p.delete('tab');
      });
    },
    [model, update],
  );
  const selectIndex = useCallback((index: number) => model && select(model.rows[index].span.spanId), [model, select]);

  const toggle = useCallback((spanId: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });
  }, []);

  return {
    model,
    critical: showCritical ? critical : null,
    showCritical,
    setShowCritical,
    collapsed,
    toggle,
    expandAll: () => setCollapsed(new Set()),
    collapseToDepth: (depth: number) => model && setCollapsed(collapsedBeyondDepth(model, depth)),
    view: view ?? full,
    zoomed: view !== null,
    setView,
    resetZoom: () => setView(null),
    selectedIndex,
    select,
    selectIndex,
    tab,
    setTab: (t: TraceTab) => update((p) => (t === 'logs' ? p.set('tab', 'logs') : p.delete('tab'))),
    find,
    setFind: (text: string) => update((p) => (text ? p.set('find', text) : p.delete('find'))),
    matches,
  };
}

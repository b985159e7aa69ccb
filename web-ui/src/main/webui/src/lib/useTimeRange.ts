import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { absoluteParams, relativeParams, resolveRange, type TimeRange } from './timeRange';

/**
 * The page's time range from the URL (see timeRange.ts) and setters that keep it there. Relative
 * ranges resolve once per navigation; `refresh` re-resolves them against the current time.
 */
export function useTimeRange(fallback: string) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- re-resolve only when the URL changes
  const range: TimeRange = useMemo(() => resolveRange(params, fallback), [key, fallback, params.get('_t')]);
  const setRelative = useCallback((preset: string) => setParams((p) => relativeParams(p, preset)), [setParams]);
  const setAbsolute = useCallback((from: Date, to: Date) => setParams((p) => absoluteParams(p, from, to)), [setParams]);
  const refresh = useCallback(
    () =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('_t', String(Date.now()));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { range, setRelative, setAbsolute, refresh };
}

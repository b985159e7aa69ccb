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
  // Start from the address bar, not the params of the render that made the setter: react-router's
  // functional updates are not queued, so two quick edits would otherwise lose the first.
  const current = () => new URLSearchParams(window.location.search);
  const setRelative = useCallback((preset: string) => setParams(relativeParams(current(), preset)), [setParams]);
  const setAbsolute = useCallback((from: Date, to: Date) => setParams(absoluteParams(current(), from, to)), [setParams]);
  const refresh = useCallback(() => {
    const next = current();
    next.set('_t', String(Date.now()));
    setParams(next, { replace: true });
  }, [setParams]);
  return { range, setRelative, setAbsolute, refresh };
}

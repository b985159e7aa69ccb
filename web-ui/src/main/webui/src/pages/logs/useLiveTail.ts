import { useEffect, useState } from 'react';
import type { Params } from '../../api/http';
import { fetchLogs, type LogRecord } from './api';
import { mergeTail, nextTailFrom, TAIL_MAX_LINES } from './tail';

/** How often the tail asks for new lines. */
export const TAIL_POLL_MS = 2000;
/** The first request shows this much recent history, so the view is not empty while waiting. */
const INITIAL_WINDOW_MS = 15 * 60_000;
const INITIAL_LINES = 200;
/** Records a poll may bring; more than this within one poll's window means some were skipped. */
const POLL_LIMIT = 1000;
/** Accept records stamped slightly ahead of this browser's clock. */
const FUTURE_SLACK_MS = 60_000;

export interface LiveTail {
  lines: LogRecord[];
  error: unknown;
  /** A poll returned more lines than it could take: the stream is faster than the tail shows. */
  overflow: boolean;
  lastPollAt: number | null;
}

/**
 * Streams new log lines by polling the search endpoint every TAIL_POLL_MS for records newer than
 * the newest it holds (see tail.ts). Restarts when the filters change; skips polls while the tab is
 * hidden; stops when disabled.
 */
export function useLiveTail(projectId: number, filters: Params, filterKey: string, enabled: boolean): LiveTail {
  const [state, setState] = useState<LiveTail>({ lines: [], error: null, overflow: false, lastPollAt: null });

  useEffect(() => {
    if (!enabled) return;
    let lines: LogRecord[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const controller = new AbortController();
    const startedAt = Date.now();
    setState({ lines, error: null, overflow: false, lastPollAt: null });

    const poll = async (first: boolean) => {
      if (!document.hidden || first) {
        const now = Date.now();
        const from = first ? new Date(now - INITIAL_WINDOW_MS) : nextTailFrom(lines, startedAt, now);
        try {
          const page = await fetchLogs(
            projectId,
            { ...filters, from: from.toISOString(), to: new Date(now + FUTURE_SLACK_MS).toISOString(), limit: first ? INITIAL_LINES : POLL_LIMIT },
            controller.signal,
          );
          if (stopped) return;
          lines = mergeTail(lines, page.logs, TAIL_MAX_LINES);
          const overflow = !first && page.nextCursor !== null;
          setState((prev) => ({ lines, error: null, overflow: prev.overflow || overflow, lastPollAt: Date.now() }));
        } catch (error) {
          if (stopped || (error instanceof DOMException && error.name === 'AbortError')) return;
          setState((prev) => ({ ...prev, error }));
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(false), TAIL_POLL_MS);
    };
    void poll(true);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller.abort();
    };
    // filterKey stands for filters' content; projectId and enabled restart the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, filterKey, enabled]);

  return state;
}

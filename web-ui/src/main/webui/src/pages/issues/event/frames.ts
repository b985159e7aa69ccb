/**
 * How a stack trace is shown, as Sentry does it: the application's own (in-app) frames are
 * first-class, runs of library frames between them fold into "N library frames" groups that expand
 * on demand, the frame that raised is always visible, and identical consecutive frames (recursion)
 * collapse into one with a repeat count. Sentry sends frames oldest call first; the page shows the
 * most recent call first by default.
 */

/** A frame of Sentry's event schema (only the fields the UI reads). */
export interface Frame {
  filename?: string | null;
  abs_path?: string | null;
  module?: string | null;
  package?: string | null;
  function?: string | null;
  raw_function?: string | null;
  lineno?: number | null;
  colno?: number | null;
  in_app?: boolean | null;
  pre_context?: Array<string | null> | null;
  context_line?: string | null;
  post_context?: Array<string | null> | null;
  vars?: Record<string, unknown> | null;
  platform?: string | null;
  instruction_addr?: string | null;
}

/** One frame as displayed, with its index in Sentry's (oldest first) order. */
export interface ShownFrame {
  frame: Frame;
  index: number;
  inApp: boolean;
  /** The frame where the exception was raised (the newest). */
  crash: boolean;
  /** How many identical consecutive frames this one stands for (1 = no repetition). */
  repeats: number;
}

export type FrameGroup =
  | ({ kind: 'frame' } & ShownFrame)
  | { kind: 'library'; frames: ShownFrame[]; key: string };

export interface GroupOptions {
  newestFirst: boolean;
  /** Show every frame, library ones included, without folding. */
  showAll: boolean;
}

function sameFrame(a: Frame, b: Frame): boolean {
  return (
    (a.filename ?? a.abs_path ?? a.module) === (b.filename ?? b.abs_path ?? b.module) &&
    a.function === b.function &&
    a.lineno === b.lineno &&
    a.colno === b.colno &&
    Boolean(a.in_app) === Boolean(b.in_app)
  );
}

/** True when the trace has at least one in-app frame; otherwise every frame is shown. */
export function hasAppFrames(frames: Frame[]): boolean {
  return frames.some((f) => f.in_app === true);
}

/** Merges runs of identical consecutive frames, keeping Sentry's order; the newest of a run is kept. */
export function collapseRepeats(frames: Frame[]): ShownFrame[] {
  const out: ShownFrame[] = [];
  frames.forEach((frame, index) => {
    const previous = out[out.length - 1];
    if (previous && sameFrame(previous.frame, frame)) {
      out[out.length - 1] = { ...previous, frame, index, repeats: previous.repeats + 1 };
      return;
    }
    out.push({ frame, index, inApp: frame.in_app === true, crash: false, repeats: 1 });
  });
  if (out.length) out[out.length - 1].crash = true;
  return out;
}

/** The frames in display order, with hidden library runs folded into groups. */
export function groupFrames(frames: Frame[], { newestFirst, showAll }: GroupOptions): FrameGroup[] {
  const shown = collapseRepeats(frames);
  const foldLibraries = !showAll && hasAppFrames(frames);
  const ordered = newestFirst ? [...shown].reverse() : shown;
  const groups: FrameGroup[] = [];
  let run: ShownFrame[] = [];
  const flush = () => {
    if (run.length) groups.push({ kind: 'library', frames: run, key: `lib-${run[0].index}-${run[run.length - 1].index}` });
    run = [];
  };
  for (const f of ordered) {
    if (!foldLibraries || f.inApp || f.crash) {
      flush();
      groups.push({ kind: 'frame', ...f });
    } else {
      run.push(f);
    }
  }
  flush();
  return groups;
}

/** Index (in Sentry's order) of the frame opened by default: the newest in-app frame, else the newest. */
export function defaultExpandedFrame(frames: Frame[]): number | null {
  for (let i = frames.length - 1; i >= 0; i--) {
    if (frames[i].in_app === true) return i;
  }
  return frames.length ? frames.length - 1 : null;
}

export interface ContextLine {
  lineNo: number | null;
  code: string;
  current: boolean;
}

/** The source lines around the frame's line, numbered, with the frame's own line marked. */
export function contextLines(frame: Frame): ContextLine[] {
  if (frame.context_line === null || frame.context_line === undefined) return [];
  const pre = (frame.pre_context ?? []).map((l) => l ?? '');
  const post = (frame.post_context ?? []).map((l) => l ?? '');
  const line = typeof frame.lineno === 'number' ? frame.lineno : null;
  const number = (offset: number) => (line === null ? null : line + offset);
  return [
    ...pre.map((code, i) => ({ lineNo: number(i - pre.length), code, current: false })),
    { lineNo: line, code: frame.context_line, current: true },
    ...post.map((code, i) => ({ lineNo: number(i + 1), code, current: false })),
  ];
}

/**
 * Where the frame is: "shop/orders.py" (a path), or for JVM-style frames whose filename is a bare
 * "OrderService.java" the qualified module "com.acme.OrderService", which says more; falling back
 * to the absolute path, the module or the package.
 */
export function frameFile(frame: Frame): string {
  const file = frame.filename || frame.abs_path;
  if (frame.module && frame.module.includes('.') && (!file || !/[/\\]/.test(file))) return frame.module;
  return file || frame.module || frame.package || '<unknown>';
}

/** "30:9", "30" or "" */
export function frameLine(frame: Frame): string {
  if (typeof frame.lineno !== 'number') return '';
  return typeof frame.colno === 'number' ? `${frame.lineno}:${frame.colno}` : String(frame.lineno);
}

/** True when opening the frame shows something: source lines or local variables. */
export function frameHasDetails(frame: Frame): boolean {
  return contextLines(frame).length > 0 || Object.keys(frame.vars ?? {}).length > 0;
}

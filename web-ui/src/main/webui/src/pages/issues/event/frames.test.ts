import { describe, expect, it } from 'vitest';
import { collapseRepeats, contextLines, defaultExpandedFrame, frameFile, frameLine, groupFrames, type Frame, type FrameGroup } from './frames';

// Frames of a requests.exceptions.ConnectionError as sentry-python 2.75 sent them (oldest call first),
// trimmed to the fields the grouping reads.
const connectionError: Frame[] = [
  { filename: 'send.py', module: '__main__', function: 'app', lineno: 24, in_app: true },
  { filename: 'shop/orders.py', module: 'shop.orders', function: 'handle', lineno: 38, in_app: true },
  { filename: 'shop/orders.py', module: 'shop.orders', function: 'fetch_inventory', lineno: 30, in_app: true },
  { filename: 'requests/api.py', module: 'requests.api', function: 'get', lineno: 87, in_app: false },
  { filename: 'requests/api.py', module: 'requests.api', function: 'request', lineno: 71, in_app: false },
  { filename: 'requests/sessions.py', module: 'requests.sessions', function: 'request', lineno: 651, in_app: false },
  { filename: 'requests/sessions.py', module: 'requests.sessions', function: 'send', lineno: 784, in_app: false },
  { filename: 'requests/adapters.py', module: 'requests.adapters', function: 'send', lineno: 729, in_app: false },
];

/** A compact picture of the groups: "fn" for a frame, "[n]" for n folded library frames. */
function shape(groups: FrameGroup[]): string[] {
  return groups.map((g) => (g.kind === 'frame' ? `${g.frame.function}${g.repeats > 1 ? `x${g.repeats}` : ''}` : `[${g.frames.length}]`));
}

describe('stack frame grouping', () => {
  it('shows the most recent call first, folding the library frames between in-app ones', () => {
    const groups = groupFrames(connectionError, { newestFirst: true, showAll: false });
    // The raising frame stays visible although it is a library frame.
    expect(shape(groups)).toEqual(['send', '[4]', 'fetch_inventory', 'handle', 'app']);
    const folded = groups[1];
    expect(folded.kind === 'library' && folded.frames.map((f) => f.frame.function)).toEqual(['send', 'request', 'request', 'get']);
    expect(groups[0].kind === 'frame' && groups[0].crash).toBe(true);
  });

  it('keeps Sentry order (oldest first) when asked', () => {
    const groups = groupFrames(connectionError, { newestFirst: false, showAll: false });
    expect(shape(groups)).toEqual(['app', 'handle', 'fetch_inventory', '[4]', 'send']);
  });

  it('unfolds everything when showing all frames', () => {
    const groups = groupFrames(connectionError, { newestFirst: true, showAll: true });
    expect(groups).toHaveLength(connectionError.length);
    expect(groups.every((g) => g.kind === 'frame')).toBe(true);
  });

  it('shows every frame of a trace without in-app frames (a library-internal exception)', () => {
    const urllib3Only = connectionError.slice(3).map((f) => ({ ...f, in_app: false }));
    expect(shape(groupFrames(urllib3Only, { newestFirst: true, showAll: false }))).toEqual(['send', 'send', 'request', 'request', 'get']);
  });

  it('folds library frames at both ends and between separate in-app frames', () => {
    const frames: Frame[] = [
      { function: 'main', in_app: false },
      { function: 'dispatch', in_app: false },
      { function: 'view', in_app: true },
      { function: 'middleware', in_app: false },
      { function: 'save', in_app: true },
      { function: 'execute', in_app: false },
      { function: 'raise_error', in_app: false },
    ];
    expect(shape(groupFrames(frames, { newestFirst: true, showAll: false }))).toEqual(['raise_error', '[1]', 'save', '[1]', 'view', '[2]']);
    const keys = groupFrames(frames, { newestFirst: true, showAll: false }).filter((g) => g.kind === 'library').map((g) => g.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('collapses recursion into one frame with a repeat count', () => {
    const recursion: Frame[] = [
      { filename: 'tree.py', function: 'walk', lineno: 3, in_app: true },
      { filename: 'tree.py', function: 'visit', lineno: 9, in_app: true },
      { filename: 'tree.py', function: 'visit', lineno: 9, in_app: true },
      { filename: 'tree.py', function: 'visit', lineno: 9, in_app: true },
      { filename: 'tree.py', function: 'visit', lineno: 12, in_app: true },
    ];
    expect(shape(groupFrames(recursion, { newestFirst: true, showAll: false }))).toEqual(['visit', 'visitx3', 'walk']);
    const collapsed = collapseRepeats(recursion);
    expect(collapsed.map((f) => f.index)).toEqual([0, 3, 4]);
    expect(collapsed[2].crash).toBe(true);
  });

  it('opens the newest in-app frame by default, else the newest frame', () => {
    expect(defaultExpandedFrame(connectionError)).toBe(2);
    expect(defaultExpandedFrame(connectionError.map((f) => ({ ...f, in_app: false })))).toBe(7);
    expect(defaultExpandedFrame([])).toBeNull();
  });
});

describe('frame details', () => {
  it('numbers context lines around the frame line and marks it', () => {
    const lines = contextLines({
      lineno: 30,
      pre_context: ['def fetch_inventory(sku):', '    # Port 9 is closed'],
      context_line: '    return requests.get(url).json()',
      post_context: ['', 'def handle(raw):'],
    });
    expect(lines.map((l) => [l.lineNo, l.current])).toEqual([
      [28, false],
      [29, false],
      [30, true],
      [31, false],
      [32, false],
    ]);
    expect(contextLines({ lineno: 3 })).toEqual([]);
  });

  it('names the file by path, or by qualified module for JVM-style frames', () => {
    expect(frameFile({ filename: 'shop/orders.py', module: 'shop.orders' })).toBe('shop/orders.py');
    expect(frameFile({ filename: 'send.py', module: '__main__' })).toBe('send.py');
    expect(frameFile({ filename: 'OrderService.java', module: 'com.acme.OrderService' })).toBe('com.acme.OrderService');
    expect(frameFile({ abs_path: '/work/main/e2e/node/otel.js', module: 'otel' })).toBe('/work/main/e2e/node/otel.js');
    expect(frameFile({ package: '/usr/lib/libc.so.6' })).toBe('/usr/lib/libc.so.6');
    expect(frameFile({})).toBe('<unknown>');
  });

  it('formats line and column', () => {
    expect(frameLine({ lineno: 35, colno: 9 })).toBe('35:9');
    expect(frameLine({ lineno: 35 })).toBe('35');
    expect(frameLine({})).toBe('');
  });
});

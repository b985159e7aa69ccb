import { Anchor, Badge, Divider, Group, SegmentedControl, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Section } from './KeyValueTable';
import { exceptionTitle, type ExceptionValue, type Mechanism, type Stacktrace } from './sentryEvent';
import { StackTrace } from './StackTrace';

/** Frame order and "all frames" live in the URL like every other view setting. */
export function useTraceDisplay() {
  const [params, setParams] = useSearchParams();
  const newestFirst = params.get('order') !== 'oldest';
  const showAll = params.get('frames') === 'all';
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return {
    newestFirst,
    showAll,
    setNewestFirst: (v: boolean) => set('order', v ? null : 'oldest'),
    setShowAll: (v: boolean) => set('frames', v ? 'all' : null),
  };
}

function TraceControls() {
  const { newestFirst, showAll, setNewestFirst, setShowAll } = useTraceDisplay();
  return (
    <Group gap="sm">
      <Switch size="xs" label="Library frames" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
      <SegmentedControl
        size="xs"
        aria-label="Frame order"
        value={newestFirst ? 'newest' : 'oldest'}
        onChange={(v) => setNewestFirst(v === 'newest')}
        data={[
          { value: 'newest', label: 'Most recent call first' },
          { value: 'oldest', label: 'Oldest first' },
        ]}
      />
    </Group>
  );
}

function MechanismBadges({ mechanism }: { mechanism: Mechanism | null | undefined }) {
  if (!mechanism) return null;
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {mechanism.type && (
        <Tooltip label={mechanism.description ?? 'How the SDK caught this exception'}>
          <Badge size="xs" variant="outline" color="gray" tt="none">
            mechanism: {mechanism.type}
          </Badge>
        </Tooltip>
      )}
      {mechanism.handled === false && (
        <Badge size="xs" color="red" variant="filled" tt="none">
          unhandled
        </Badge>
      )}
      {mechanism.handled === true && (
        <Badge size="xs" color="gray" variant="light" tt="none">
          handled
        </Badge>
      )}
      {mechanism.is_exception_group && (
        <Badge size="xs" variant="light" tt="none">
          exception group
        </Badge>
      )}
      {mechanism.help_link && (
        <Anchor href={mechanism.help_link} target="_blank" rel="noreferrer" size="xs">
          help
        </Anchor>
      )}
    </Group>
  );
}

function ExceptionBlock({ exception, primary, newestFirst, showAll }: { exception: ExceptionValue; primary: boolean; newestFirst: boolean; showAll: boolean }) {
  const { type, value } = exceptionTitle(exception);
  return (
    <Stack gap={6}>
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} size="sm" c="red" ff="monospace" style={{ wordBreak: 'break-word' }}>
            {type}
            {exception.module && exception.type && (
              <Text span size="xs" c="dimmed" fw={400}>
                {' '}
                ({exception.module})
              </Text>
            )}
          </Text>
          {value && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {value}
            </Text>
          )}
        </div>
        <MechanismBadges mechanism={exception.mechanism} />
      </Group>
      <StackTrace frames={exception.stacktrace?.frames ?? []} newestFirst={newestFirst} showAll={showAll} openDefault={primary} />
    </Stack>
  );
}

/**
 * The exception chain. Sentry lists the first raised exception (the root cause) first and the one
 * that escaped last; with the most recent call first the escaping exception leads and each block
 * below it is its cause, as Sentry shows it.
 */
export function ExceptionChain({ values }: { values: ExceptionValue[] }) {
  const { newestFirst, showAll } = useTraceDisplay();
  // Keyed by position in Sentry's list, so each exception keeps its open frames when the order flips.
  const indexed = values.map((exception, index) => ({ exception, index }));
  const ordered = newestFirst ? indexed.reverse() : indexed;
  const outermost = values.length - 1;
  return (
    <Section id="exception" title={values.length > 1 ? `Exception chain (${values.length})` : 'Exception'} right={<TraceControls />}>
      <Stack gap="sm">
        {ordered.map(({ exception, index }, i) => (
          <Stack key={index} gap="sm">
            {i > 0 && (
              <Divider
                label={newestFirst ? 'Caused by' : 'Which caused'}
                labelPosition="left"
                variant="dashed"
              />
            )}
            <ExceptionBlock exception={exception} primary={index === outermost} newestFirst={newestFirst} showAll={showAll} />
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

/** A stack trace outside an exception (a message with attach_stacktrace, a thread dump). */
export function StandaloneStacktrace({ stacktrace }: { stacktrace: Stacktrace }) {
  const { newestFirst, showAll } = useTraceDisplay();
  return (
    <Section id="stacktrace" title="Stack trace" right={<TraceControls />}>
      <StackTrace frames={stacktrace.frames ?? []} newestFirst={newestFirst} showAll={showAll} openDefault />
    </Section>
  );
}

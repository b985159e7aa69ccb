import { ActionIcon, Badge, Box, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconRoute } from '@tabler/icons-react';
import { memo } from 'react';
import { Link } from 'react-router';
import { projectPath } from '../../lib/projects';
import type { LogRecord } from './api';
import { LogDetail } from './LogDetail';
import { firstLine, formatLogTime, highlightParts } from './logFormat';
import classes from './LogRow.module.css';
import { severityColor } from './severity';

/**
 * One line of the list: a button that expands it (time, severity, service, first line of the body)
 * and, for records with a trace, a link to the trace. Expanded, the full record below it.
 */
export const LogRow = memo(function LogRow({
  log,
  projectId,
  expanded,
  words,
  onToggle,
  onFilter,
  onTraceFilter,
}: {
  log: LogRecord;
  projectId: number;
  expanded: boolean;
  words: string[];
  onToggle: (id: string) => void;
  onFilter: (key: string, value: string) => void;
  onTraceFilter: (traceId: string) => void;
}) {
  const { line, more } = firstLine(log.body);
  return (
    <Box className={classes.row} data-expanded={expanded || undefined} data-severity={log.severity}>
      <div className={classes.summary}>
        <UnstyledButton className={classes.toggle} onClick={() => onToggle(log.id)} aria-expanded={expanded}>
          {expanded ? <IconChevronDown size={12} className={classes.chevron} /> : <IconChevronRight size={12} className={classes.chevron} />}
          <span className={classes.time}>{formatLogTime(log.timestamp)}</span>
          <Badge className={classes.severity} size="xs" variant="light" color={severityColor(log.severity)} radius="sm">
            {log.severity === 'unspecified' ? log.severityText || '–' : log.severity}
          </Badge>
          <span className={classes.service} title={log.service}>
            {log.service || '–'}
          </span>
          <span className={classes.body}>
            {highlightParts(line, words).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
            {more && <span className={classes.more}> ⏎…</span>}
          </span>
        </UnstyledButton>
        {log.traceId ? (
          <Tooltip label="Jump to trace" withinPortal openDelay={300}>
            <ActionIcon component={Link} to={projectPath(projectId, 'traces', log.traceId)} size="sm" variant="subtle" aria-label="Jump to trace">
              <IconRoute size={14} />
            </ActionIcon>
          </Tooltip>
        ) : (
          <span className={classes.noTrace} />
        )}
      </div>
      {expanded && <LogDetail log={log} projectId={projectId} onFilter={onFilter} onTraceFilter={onTraceFilter} />}
    </Box>
  );
});

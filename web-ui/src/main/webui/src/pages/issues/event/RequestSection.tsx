import { Badge, Group, Text } from '@mantine/core';
import { Code, KeyValueTable, Section, SubTitle } from './KeyValueTable';
import { displayValue, pairs, queryPairs, type SentryRequest } from './sentryEvent';

/** The HTTP request the event happened in: method and URL, query, body, cookies, headers, environment. */
export function RequestSection({ request }: { request: SentryRequest }) {
  const query = queryPairs(request.query_string);
  const headers = pairs(request.headers);
  const cookies = typeof request.cookies === 'string' ? queryPairs(request.cookies.replace(/;\s*/g, '&')) : pairs(request.cookies);
  const env = pairs(request.env);
  const data = request.data;
  const hasData = data !== undefined && data !== null && data !== '';
  return (
    <Section id="request" title="Request">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {request.method && (
          <Badge size="sm" variant="light" radius="sm">
            {request.method}
          </Badge>
        )}
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {request.url ?? '–'}
        </Text>
      </Group>
      {query.length > 0 && (
        <>
          <SubTitle>Query string</SubTitle>
          <KeyValueTable rows={query} />
        </>
      )}
      {hasData && (
        <>
          <SubTitle>Body</SubTitle>
          {typeof data === 'object' && !Array.isArray(data) ? <KeyValueTable rows={pairs(data)} /> : <Code>{displayValue(data)}</Code>}
        </>
      )}
      {cookies.length > 0 && (
        <>
          <SubTitle>Cookies</SubTitle>
          <KeyValueTable rows={cookies} />
        </>
      )}
      {headers.length > 0 && (
        <>
          <SubTitle>Headers</SubTitle>
          <KeyValueTable rows={headers} />
        </>
      )}
      {env.length > 0 && (
        <>
          <SubTitle>Environment</SubTitle>
          <KeyValueTable rows={env} />
        </>
      )}
    </Section>
  );
}

import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AlertsTab } from './AlertsTab';
import { TestResult } from './Deliveries';
import { ImportRulesDialog } from './ImportRulesDialog';
import { renderWithApp, stubApi, stubBrowser } from './testing';
import type { Alert, Delivery } from './types';

beforeAll(stubBrowser);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = '/api/v1/projects/1/alerting';

describe('importing a rule file', () => {
  it("sends the YAML as it is and lists every error the server names", async () => {
    const calls = stubApi({
      [`PUT ${base}/rule-files/api.rules`]: {
        status: 400,
        body: { detail: 'rules.yml has 2 problems', errors: ['group "api", rule 1 (APIDown): expr: unexpected end of input at 9', 'group "api", rule 2: alert name is empty'] },
      },
    });
    renderWithApp(<ImportRulesDialog projectId={1} namespaces={new Map([['api.rules', 2]])} initialNamespace="api.rules" onClose={() => {}} />);
    const yaml = 'groups:\n  - name: api\n    rules:\n      - alert: APIDown\n        expr: up{job=\n      - alert: ""\n        expr: up\n';
    fireEvent.change(screen.getByLabelText('Rule file'), { target: { value: yaml } });
    expect(screen.getByText(/1 group: 2 alerting and 0 recording rules/)).toBeTruthy();
    expect(screen.getByText(/Replaces the 2 groups now in/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('rules.yml has 2 problems')).toBeTruthy();
    expect(within(alert).getByText('group "api", rule 1 (APIDown): expr: unexpected end of input at 9')).toBeTruthy();
    expect(within(alert).getByText('group "api", rule 2: alert name is empty')).toBeTruthy();
    expect(calls[0].body).toBe(yaml);
    expect(calls[0].headers['Content-Type']).toBe('application/yaml');
  });
});

describe('a test notification', () => {
  it('is followed until alert-service has sent it, then shows the answer', async () => {
    const delivery: Delivery = { id: 9, channelId: 3, channelName: 'd', kind: 'test', status: 'pending', attempts: 0, firing: 1, resolved: 0, lastStatusCode: null, lastError: null, createdAt: new Date().toISOString(), sentAt: null };
    let asked = 0;
    stubApi({
      [`GET ${base}/deliveries/9`]: () => {
        asked++;
        return { body: asked < 2 ? delivery : { ...delivery, status: 'failed', attempts: 1, lastStatusCode: 401, lastError: 'Invalid Webhook Token' } };
      },
    });
    renderWithApp(<TestResult projectId={1} deliveryId={9} onDismiss={() => {}} />);
    expect(await screen.findByText('Waiting to be sent')).toBeTruthy();
    expect(await screen.findByText('Failed after 1 attempt', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('HTTP 401 · Invalid Webhook Token')).toBeTruthy();
    const polls = asked;
    await new Promise((r) => setTimeout(r, 1300));
    expect(asked).toBe(polls);
  });
});

describe('the alerts list', () => {
  const errorAlert: Alert = {
    ruleKey: 'error:4',
    ruleName: 'New errors',
    kind: 'error',
    labels: { alertname: 'New errors', issue_id: '42', severity: 'error' },
    annotations: { summary: 'ZeroDivisionError in checkout' },
    state: 'firing',
    value: 1,
    activeAt: new Date(Date.now() - 120_000).toISOString(),
    firedAt: new Date(Date.now() - 60_000).toISOString(),
    resolvedAt: null,
    silencedBy: [5],
  };
  const latency: Alert = { ...errorAlert, ruleKey: 'group:1/Latency', ruleName: 'Latency', kind: 'promql', labels: { alertname: 'Latency', service: 'api' }, annotations: {}, state: 'pending', silencedBy: [] };

  it('links error alerts to their issue, marks silenced ones, and pre-fills a silence from the labels', async () => {
    stubApi({ [`GET ${base}/alerts`]: { body: [latency, errorAlert] } });
    renderWithApp(<AlertsTab projectId={1} editable />);
    const issue = await screen.findByRole('link', { name: 'Issue' });
    expect(issue.getAttribute('href')).toBe('/projects/1/issues/42');
    expect(screen.getByText('silenced')).toBeTruthy();
    expect(screen.getByText('ZeroDivisionError in checkout')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Silence Latency' }));
    expect((await screen.findByLabelText('Label name 1') as HTMLInputElement).value).toBe('alertname');
    expect((screen.getByLabelText('Value 1') as HTMLInputElement).value).toBe('Latency');
    expect((screen.getByLabelText('Label name 2') as HTMLInputElement).value).toBe('service');
    expect(screen.getByText('Silences 1 alert firing or pending now')).toBeTruthy();
  });

  it('hides write actions from viewers and filters by a clicked label', async () => {
    stubApi({ [`GET ${base}/alerts`]: { body: [latency, errorAlert] } });
    renderWithApp(<AlertsTab projectId={1} editable={false} />);
    await screen.findByText('Latency');
    expect(screen.queryByRole('button', { name: /^Silence/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Filter by service="api"' }));
    expect((screen.getByLabelText('Filter by labels') as HTMLInputElement).value).toBe('{service="api"}');
    expect(screen.queryByText('New errors')).toBeNull();
  });
});

/** Queries and writes of the Alerts page against query-service's alerting API. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http';
import { isFinished, looksStuck } from './deliveries';
import type {
  Alert,
  AlertState,
  Channel,
  ChannelInput,
  Delivery,
  ErrorRule,
  ErrorRuleInput,
  HistoryEntry,
  RuleGroup,
  RuleGroupJson,
  Silence,
  SilenceInput,
} from './types';

export const alertingBase = (projectId: number) => `/api/v1/projects/${projectId}/alerting`;
const keyOf = (projectId: number, ...rest: unknown[]) => ['alerting', projectId, ...rest];

/** Alerts change with every evaluation; the page follows them without a reload. */
const LIVE = 15_000;

export function useAlerts(projectId: number, state: AlertState | 'all') {
  return useQuery({
    queryKey: keyOf(projectId, 'alerts', state),
    queryFn: () => api<Alert[]>(`${alertingBase(projectId)}/alerts`, { params: { state } }),
    refetchInterval: LIVE,
  });
}

export function useRuleGroups(projectId: number) {
  return useQuery({ queryKey: keyOf(projectId, 'rule-groups'), queryFn: () => api<RuleGroup[]>(`${alertingBase(projectId)}/rule-groups`), refetchInterval: 30_000 });
}

export function useErrorRules(projectId: number) {
  return useQuery({ queryKey: keyOf(projectId, 'error-rules'), queryFn: () => api<ErrorRule[]>(`${alertingBase(projectId)}/error-rules`) });
}

export const HISTORY_PAGE = 50;

export function useHistory(projectId: number, before: string | null) {
  return useQuery({
    queryKey: keyOf(projectId, 'history', before),
    queryFn: () => api<HistoryEntry[]>(`${alertingBase(projectId)}/history`, { params: { limit: HISTORY_PAGE, before } }),
    refetchInterval: before ? false : LIVE,
  });
}

export function useChannels(projectId: number) {
  return useQuery({ queryKey: keyOf(projectId, 'channels'), queryFn: () => api<Channel[]>(`${alertingBase(projectId)}/channels`) });
}

export function useDeliveries(projectId: number, channelId: number | null) {
  return useQuery({
    queryKey: keyOf(projectId, 'deliveries', channelId),
    queryFn: () => api<Delivery[]>(`${alertingBase(projectId)}/deliveries`, { params: { channelId, limit: 50 } }),
    enabled: channelId !== null,
    refetchInterval: LIVE,
  });
}

/**
 * One delivery, asked again every second until alert-service has sent it or given up (every 5 s once it
 * looks like nothing is picking it up).
 */
export function useDelivery(projectId: number, deliveryId: number | null) {
  return useQuery({
    queryKey: keyOf(projectId, 'delivery', deliveryId),
    queryFn: () => api<Delivery>(`${alertingBase(projectId)}/deliveries/${deliveryId}`),
    enabled: deliveryId !== null,
    refetchInterval: (query) => {
      const d = query.state.data;
      if (isFinished(d)) return false;
      return d && looksStuck(d) ? 5000 : 1000;
    },
  });
}

export function useSilences(projectId: number) {
  return useQuery({ queryKey: keyOf(projectId, 'silences'), queryFn: () => api<Silence[]>(`${alertingBase(projectId)}/silences`), refetchInterval: 30_000 });
}

/** A write that refreshes everything alerting of the project once it succeeds (they depend on each other). */
export function useAlertingWrite<A, R>(projectId: number, write: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: keyOf(projectId) }) });
}

export function alertingApi(projectId: number) {
  const base = alertingBase(projectId);
  const ns = (namespace: string) => `${base}/rule-files/${encodeURIComponent(namespace)}`;
  return {
    importRuleFile: (namespace: string, yaml: string) =>
      api<RuleGroup[] | undefined>(ns(namespace), { method: 'PUT', rawBody: { contentType: 'application/yaml', text: yaml } }),
    exportRuleFile: (namespace: string) => api<string>(ns(namespace), { responseText: true }),
    deleteRuleFile: (namespace: string) => api<void>(ns(namespace), { method: 'DELETE' }),
    createGroup: (group: RuleGroupJson) => api<RuleGroup>(`${base}/rule-groups`, { method: 'POST', body: group }),
    updateGroup: (id: number, group: RuleGroupJson, basedOnVersion: number) =>
      api<RuleGroup>(`${base}/rule-groups/${id}`, { method: 'PUT', body: { ...group, basedOnVersion } }),
    deleteGroup: (id: number) => api<void>(`${base}/rule-groups/${id}`, { method: 'DELETE' }),
    createErrorRule: (rule: ErrorRuleInput) => api<ErrorRule>(`${base}/error-rules`, { method: 'POST', body: rule }),
    updateErrorRule: (id: number, rule: ErrorRuleInput) => api<ErrorRule>(`${base}/error-rules/${id}`, { method: 'PUT', body: rule }),
    deleteErrorRule: (id: number) => api<void>(`${base}/error-rules/${id}`, { method: 'DELETE' }),
    createChannel: (channel: ChannelInput) => api<Channel>(`${base}/channels`, { method: 'POST', body: channel }),
    updateChannel: (id: number, channel: ChannelInput) => api<Channel>(`${base}/channels/${id}`, { method: 'PUT', body: channel }),
    deleteChannel: (id: number) => api<void>(`${base}/channels/${id}`, { method: 'DELETE' }),
    testChannel: (id: number) => api<{ deliveryId: number }>(`${base}/channels/${id}/test`, { method: 'POST' }),
    createSilence: (silence: SilenceInput) => api<Silence>(`${base}/silences`, { method: 'POST', body: silence }),
    expireSilence: (id: number) => api<void>(`${base}/silences/${id}`, { method: 'DELETE' }),
  };
}

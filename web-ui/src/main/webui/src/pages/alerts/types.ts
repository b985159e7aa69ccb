/** The alerting API's shapes (query-service, /api/v1/projects/{id}/alerting; docs/alerting-api.md). */

import type { Labels } from './matchers';

/** One rule as a Prometheus rule file writes it (alert or record). */
export interface RuleJson {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Labels;
  annotations?: Labels;
}

/** A rule group as a rule file writes it; POST/PUT /rule-groups take this shape. */
export interface RuleGroupJson {
  name: string;
  interval?: string;
  limit?: number;
  rules: RuleJson[];
}

export type RuleHealth = 'ok' | 'err' | 'unknown';

export interface RuleGroup {
  id: number;
  namespace: string;
  name: string;
  /** "1m" or seconds, null = the default interval. */
  interval: string | number | null;
  limit: number;
  rules: Array<RuleJson & { health?: RuleHealth | string; lastError?: string | null }>;
  version: number;
  updatedAt: string;
  lastEvaluationAt: string | null;
  lastEvaluationMs: number | null;
  lastError: string | null;
}

export type ErrorTrigger = 'new_issue' | 'regression' | 'frequency' | 'volume';
export type Level = 'debug' | 'info' | 'warning' | 'error' | 'fatal';
export const LEVELS: Level[] = ['debug', 'info', 'warning', 'error', 'fatal'];

export interface ErrorRuleInput {
  name: string;
  trigger: ErrorTrigger;
  threshold: number;
  windowSeconds: number;
  environment: string | null;
  minLevel: Level | null;
  labels: Labels;
  enabled: boolean;
}

export interface ErrorRule extends ErrorRuleInput {
  id: number;
  lastEvaluationAt?: string | null;
  lastError?: string | null;
}

export type AlertState = 'firing' | 'pending' | 'resolved';

export interface Alert {
  ruleKey: string;
  /** The hash of the labels, 16 hex digits. */
  fingerprint?: string;
  ruleName: string;
  kind: 'promql' | 'error';
  labels: Labels;
  annotations: Labels;
  state: AlertState;
  value: number;
  activeAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  silencedBy: number[];
}

export interface HistoryEntry {
  id: number;
  ruleName: string;
  labels: Labels;
  from: string;
  to: string;
  value: number;
  at: string;
}

export type ChannelType = 'discord' | 'slack' | 'webhook' | 'email';

export interface ChannelSettings {
  url?: string;
  /** Sent to set or (null) remove a webhook's secret; never answered. */
  secret?: string | null;
  /** Answered for webhooks instead of the secret. */
  hasSecret?: boolean;
  to?: string[] | string;
  [key: string]: unknown;
}

export interface ChannelInput {
  name: string;
  type: ChannelType;
  settings: ChannelSettings;
  matchers: string;
  groupBy: string[];
  groupWaitSeconds: number;
  groupIntervalSeconds: number;
  repeatIntervalSeconds: number;
  sendResolved: boolean;
  enabled: boolean;
}

export interface Channel extends ChannelInput {
  id: number;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface Delivery {
  id: number;
  channelId: number;
  channelName: string;
  kind: 'alert' | 'test';
  status: DeliveryStatus;
  attempts: number;
  firing: number;
  resolved: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt?: string | null;
  sentAt: string | null;
}

export type SilenceState = 'active' | 'pending' | 'expired';

export interface Silence {
  id: number;
  matchers: string;
  startsAt: string;
  endsAt: string;
  comment: string;
  createdBy: string;
  state: SilenceState;
}

/** startsAt absent = now (the server's); the end is endsAt or startsAt + durationSeconds. */
export interface SilenceInput {
  matchers: string;
  startsAt?: string;
  endsAt?: string;
  durationSeconds?: number;
  comment: string;
}

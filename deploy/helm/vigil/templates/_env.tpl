{{/* Environment of a Vigil container: the local stack's variable names (deploy/local/lib/services.sh), each
     service getting those it reads, plus the Kubernetes-only settings.
     Argument: dict root, component, meta (from vigil.components), migrate (the migration Job). */}}
{{- define "vigil.env" -}}
{{- $root := .root -}}
{{- $c := .component -}}
{{- $values := ternary $root.Values.migrations (index $root.Values .meta.key) (default false .migrate) -}}
- name: QUARKUS_HTTP_PORT
  value: {{ .meta.port | quote }}
- name: {{ .meta.portVar }}
  value: {{ .meta.port | quote }}
{{- if has $c (list "ingest-gateway" "otlp-receiver" "event-processor") }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "vigil.kafka.bootstrapServers" $root | quote }}
{{- end }}
{{- if ne $c "web-ui" }}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ printf "postgresql://%s" (include "vigil.postgresql.address" $root) | quote }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ printf "jdbc:postgresql://%s" (include "vigil.postgresql.address" $root) | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ include "vigil.postgresql.username" $root | quote }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- include "vigil.postgresql.passwordRef" $root | nindent 6 }}
{{- end }}
{{- if has $c (list "event-processor" "query-service" "alert-service") }}
- name: VIGIL_CLICKHOUSE_URL
  value: {{ include "vigil.clickhouse.url" $root | quote }}
- name: VIGIL_CLICKHOUSE_USER
  value: {{ include "vigil.clickhouse.user" $root | quote }}
- name: VIGIL_CLICKHOUSE_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- include "vigil.clickhouse.passwordRef" $root | nindent 6 }}
{{- end }}
{{- if eq $c "otlp-receiver" }}
- name: VIGIL_OTLP_GRPC_PORT
  value: {{ include "vigil.otlpGrpcPort" $root | quote }}
{{- end }}
{{- if and (eq $c "event-processor") .migrate }}
- name: VIGIL_MIGRATE_ONLY
  value: "true"
- name: VIGIL_KAFKA_TOPIC_PARTITIONS
  value: {{ $root.Values.kafka.topicPartitions | quote }}
- name: VIGIL_KAFKA_REPLICATION_FACTOR
  value: {{ $root.Values.kafka.replicationFactor | quote }}
- name: VIGIL_KUBERNETES_ENRICHMENT_ENABLED
  value: "false"
{{- else if eq $c "event-processor" }}
- name: VIGIL_KUBERNETES_ENRICHMENT_ENABLED
  value: {{ ternary "true" "false" $root.Values.kubernetesMetadata.enabled | quote }}
{{- if $root.Values.kubernetesMetadata.enabled }}
{{- with $root.Values.kubernetesMetadata.labels }}
- name: VIGIL_KUBERNETES_ENRICHMENT_LABELS
  value: {{ join "," . | quote }}
{{- end }}
{{- /* None listed: every namespace (and the ClusterRole of rbac.yaml). */}}
{{- with $root.Values.kubernetesMetadata.namespaces }}
- name: VIGIL_KUBERNETES_ENRICHMENT_NAMESPACES
  value: {{ join "," . | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq $c "query-service" }}
- name: VIGIL_ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "vigil.secretName" $root }}
      key: admin-token
- name: VIGIL_INGEST_PUBLIC_URL
  value: {{ include "vigil.url.ingest" $root | quote }}
- name: VIGIL_OTLP_PUBLIC_HTTP_URL
  value: {{ include "vigil.url.otlpHttp" $root | quote }}
- name: VIGIL_OTLP_PUBLIC_GRPC_URL
  value: {{ include "vigil.url.otlpGrpc" $root | quote }}
{{- with $root.Values.bootstrap.owner.email }}
- name: VIGIL_BOOTSTRAP_OWNER_EMAIL
  value: {{ . | quote }}
- name: VIGIL_BOOTSTRAP_OWNER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "vigil.secretName" $root }}
      key: owner-password
{{- end }}
{{- with $root.Values.bootstrap.project.slug }}
- name: VIGIL_BOOTSTRAP_PROJECT
  value: {{ . | quote }}
- name: VIGIL_BOOTSTRAP_PROJECT_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "vigil.secretName" $root }}
      key: project-key
{{- end }}
{{- end }}
{{- if has $c (list "query-service" "alert-service") }}
- name: VIGIL_UI_PUBLIC_URL
  value: {{ include "vigil.url.ui" $root | quote }}
{{- end }}
{{- if eq $c "alert-service" }}
{{- if $root.Values.alertService.rules.projects }}
- name: VIGIL_ALERTING_RULES_DIR
  value: /etc/vigil/alert-rules
{{- end }}
{{- with $root.Values.alertService.smtp }}
{{- if .host }}
- name: VIGIL_SMTP_HOST
  value: {{ .host | quote }}
- name: VIGIL_SMTP_PORT
  value: {{ .port | quote }}
- name: VIGIL_SMTP_START_TLS
  value: {{ .startTls | quote }}
- name: VIGIL_SMTP_FROM
  value: {{ .from | quote }}
{{- with .username }}
- name: VIGIL_SMTP_USERNAME
  value: {{ . | quote }}
{{- end }}
{{- if or .password .existingSecret }}
- name: VIGIL_SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret | default (include "vigil.secretName" $root) }}
      key: {{ ternary .existingSecretKey "smtp-password" (not (empty .existingSecret)) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq $c "web-ui" }}
- name: VIGIL_QUERY_SERVICE_URL
  value: {{ include "vigil.serviceUrl" (dict "root" $root "component" "query-service" "port" 8013) | quote }}
- name: VIGIL_ALERT_SERVICE_URL
  value: {{ include "vigil.serviceUrl" (dict "root" $root "component" "alert-service" "port" 8014) | quote }}
{{- end }}
{{- with $values.javaOptsAppend }}
- name: JAVA_OPTS_APPEND
  value: {{ . | quote }}
{{- end }}
{{- with $values.env }}
{{ toYaml . }}
{{- end }}
{{- end }}

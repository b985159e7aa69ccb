{{/* Where the services reach Kafka, ClickHouse and PostgreSQL (bundled or external), and the public URLs. */}}

{{- define "vigil.kafka.bundled" -}}{{ if not .Values.kafka.external.bootstrapServers }}true{{ end }}{{- end }}
{{- define "vigil.clickhouse.bundled" -}}{{ if not .Values.clickhouse.external.url }}true{{ end }}{{- end }}
{{- define "vigil.postgresql.bundled" -}}{{ if not .Values.postgresql.external.host }}true{{ end }}{{- end }}

{{- define "vigil.kafka.name" -}}{{ include "vigil.componentName" (dict "root" . "component" "kafka") }}{{- end }}
{{- define "vigil.clickhouse.name" -}}{{ include "vigil.componentName" (dict "root" . "component" "clickhouse") }}{{- end }}
{{- define "vigil.postgresql.name" -}}{{ include "vigil.componentName" (dict "root" . "component" "postgresql") }}{{- end }}

{{- define "vigil.kafka.bootstrapServers" -}}
{{- if include "vigil.kafka.bundled" . -}}
{{- printf "%s:9092" (include "vigil.kafka.name" .) -}}
{{- else -}}
{{- .Values.kafka.external.bootstrapServers -}}
{{- end -}}
{{- end }}

{{/* JDBC URL of the ClickHouse HTTP interface; database `vigil` is created by the schema migrations. */}}
{{- define "vigil.clickhouse.url" -}}
{{- if include "vigil.clickhouse.bundled" . -}}
{{- printf "jdbc:clickhouse:http://%s:8123/default" (include "vigil.clickhouse.name" .) -}}
{{- else -}}
{{- .Values.clickhouse.external.url -}}
{{- end -}}
{{- end }}

{{- define "vigil.clickhouse.user" -}}
{{- if include "vigil.clickhouse.bundled" . }}default{{ else }}{{ .Values.clickhouse.external.user }}{{ end -}}
{{- end }}

{{/* host:port/database?parameters of PostgreSQL. */}}
{{- define "vigil.postgresql.address" -}}
{{- if include "vigil.postgresql.bundled" . -}}
{{- printf "%s:5432/vigil" (include "vigil.postgresql.name" .) -}}
{{- else -}}
{{- with .Values.postgresql.external -}}
{{- printf "%s:%v/%s" .host .port .database -}}{{ with .parameters }}?{{ . }}{{ end -}}
{{- end -}}
{{- end -}}
{{- end }}

{{- define "vigil.postgresql.username" -}}
{{- if include "vigil.postgresql.bundled" . }}vigil{{ else }}{{ .Values.postgresql.external.username }}{{ end -}}
{{- end }}

{{/* secretKeyRef of a password: an external dependency's own Secret, else the chart's Secret. */}}
{{- define "vigil.postgresql.passwordRef" -}}
{{- if and (not (include "vigil.postgresql.bundled" .)) .Values.postgresql.external.existingSecret -}}
name: {{ .Values.postgresql.external.existingSecret }}
key: {{ .Values.postgresql.external.existingSecretKey }}
{{- else -}}
name: {{ include "vigil.secretName" . }}
key: postgresql-password
{{- end -}}
{{- end }}

{{- define "vigil.clickhouse.passwordRef" -}}
{{- if and (not (include "vigil.clickhouse.bundled" .)) .Values.clickhouse.external.existingSecret -}}
name: {{ .Values.clickhouse.external.existingSecret }}
key: {{ .Values.clickhouse.external.existingSecretKey }}
{{- else -}}
name: {{ include "vigil.secretName" . }}
key: clickhouse-password
{{- end -}}
{{- end }}

{{/* In-cluster base URL of a Vigil service; argument: dict root, component, port. */}}
{{- define "vigil.serviceUrl" -}}
{{- printf "http://%s.%s.svc:%v" (include "vigil.componentName" .) .root.Release.Namespace .port -}}
{{- end }}

{{- define "vigil.exposed" -}}{{ if or .Values.ingress.enabled .Values.httpRoute.enabled }}true{{ end }}{{- end }}
{{- define "vigil.scheme" -}}{{ ternary "https" "http" .Values.hosts.https }}{{- end }}

{{- define "vigil.url.ui" -}}
{{- if .Values.publicUrls.ui -}}{{ .Values.publicUrls.ui }}
{{- else if include "vigil.exposed" . -}}{{ include "vigil.scheme" . }}://{{ .Values.hosts.ui }}
{{- else -}}http://localhost:8080
{{- end -}}
{{- end }}

{{- define "vigil.url.ingest" -}}
{{- if .Values.publicUrls.ingest -}}{{ .Values.publicUrls.ingest }}
{{- else if include "vigil.exposed" . -}}{{ include "vigil.scheme" . }}://{{ .Values.hosts.ingest }}
{{- else -}}{{ include "vigil.serviceUrl" (dict "root" . "component" "ingest-gateway" "port" 8010) }}
{{- end -}}
{{- end }}

{{- define "vigil.url.otlpHttp" -}}
{{- if .Values.publicUrls.otlpHttp -}}{{ .Values.publicUrls.otlpHttp }}
{{- else if include "vigil.exposed" . -}}{{ include "vigil.scheme" . }}://{{ .Values.hosts.ingest }}
{{- else -}}{{ include "vigil.serviceUrl" (dict "root" . "component" "otlp-receiver" "port" 4318) }}
{{- end -}}
{{- end }}

{{- define "vigil.url.otlpGrpc" -}}
{{- if .Values.publicUrls.otlpGrpc -}}{{ .Values.publicUrls.otlpGrpc }}
{{- else -}}{{ include "vigil.serviceUrl" (dict "root" . "component" "otlp-receiver" "port" (include "vigil.otlpGrpcPort" .)) }}
{{- end -}}
{{- end }}

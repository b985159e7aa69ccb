{{/* Names, labels and images shared by every template. */}}

{{- define "vigil.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "vigil.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end }}

{{/* The six Vigil services: values key, HTTP port (each service's quarkus.http.port default) and the
     variable the local stack passes that port in (deploy/local/services.conf). */}}
{{- define "vigil.components" -}}
ingest-gateway: {key: ingestGateway, port: 8010, portVar: VIGIL_INGEST_PORT, autoscalable: true}
otlp-receiver: {key: otlpReceiver, port: 4318, portVar: VIGIL_OTLP_HTTP_PORT, autoscalable: true}
event-processor: {key: eventProcessor, port: 8012, portVar: VIGIL_PROCESSOR_PORT, autoscalable: true}
query-service: {key: queryService, port: 8013, portVar: VIGIL_QUERY_PORT, autoscalable: true}
alert-service: {key: alertService, port: 8014, portVar: VIGIL_ALERT_PORT, autoscalable: false}
web-ui: {key: webUi, port: 8080, portVar: VIGIL_WEBUI_PORT, autoscalable: true}
{{- end }}

{{/* OTLP/gRPC listener of otlp-receiver (VIGIL_OTLP_GRPC_PORT). */}}
{{- define "vigil.otlpGrpcPort" -}}4317{{- end }}

{{/* <fullname>-<component>; argument: dict root, component. */}}
{{- define "vigil.componentName" -}}
{{- printf "%s-%s" (include "vigil.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "vigil.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vigil.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "vigil.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: vigil
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "vigil.selectorLabels" . }}
{{- end }}

{{/* Labels of a pod template: the selector plus what does not change with the chart version. */}}
{{- define "vigil.podLabels" -}}
{{ include "vigil.selectorLabels" . }}
app.kubernetes.io/part-of: vigil
{{- end }}

{{/* Image of a Vigil service; argument: dict root, component, key. */}}
{{- define "vigil.image" -}}
{{- $svc := index .root.Values .key -}}
{{- $repo := $svc.image.repository -}}
{{- if not $repo -}}
{{- $repo = printf "vigil/%s" .component -}}
{{- with .root.Values.image.registry }}{{ $repo = printf "%s/%s" (trimSuffix "/" .) $repo }}{{ end -}}
{{- end -}}
{{- printf "%s:%s" $repo ($svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end }}

{{- define "vigil.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Service account of the pods that never call the Kubernetes API (no token mounted). */}}
{{- define "vigil.serviceAccountName" -}}
{{- include "vigil.fullname" . -}}
{{- end }}

{{- define "vigil.processorServiceAccountName" -}}
{{- printf "%s-event-processor" (include "vigil.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* The Secret holding admin token, bootstrap credentials and database passwords. */}}
{{- define "vigil.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "vigil.fullname" .)) -}}
{{- end }}

{{/* /tmp, the only directory the containers write to (read-only root filesystem). */}}
{{- define "vigil.tmpVolume" -}}
- name: tmp
  emptyDir: {}
{{- end }}
{{- define "vigil.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* Hardened container security context of the bundled dependencies; argument: the uid. */}}
{{- define "vigil.dependencyContainerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ . }}
runAsGroup: {{ . }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}
{{- define "vigil.dependencyPodSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ . }}
runAsGroup: {{ . }}
fsGroup: {{ . }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Scheduling settings of a values block (nodeSelector, tolerations, affinity, ...). */}}
{{- define "vigil.scheduling" -}}
{{- with .nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end }}

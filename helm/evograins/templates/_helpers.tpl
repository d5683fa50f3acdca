{{/*
Expand the name of the chart.
*/}}
{{- define "evograins.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name, truncated at 63 characters (DNS label limit).
If the release name contains the chart name it is used as the full name.
*/}}
{{- define "evograins.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version as used by the chart label.
*/}}
{{- define "evograins.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "evograins.labels" -}}
helm.sh/chart: {{ include "evograins.chart" . }}
{{ include "evograins.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: evograins
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "evograins.selectorLabels" -}}
app.kubernetes.io/name: {{ include "evograins.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels every silo pod carries, CPU or GPU: the gateway and dashboard Services and the
NetworkPolicies select silos by these. orleans/serviceId and orleans/clusterId follow the Orleans
Kubernetes hosting convention.
*/}}
{{- define "evograins.siloSelectorLabels" -}}
{{ include "evograins.selectorLabels" . }}
evograins.io/silo: "true"
{{- end }}

{{- define "evograins.orleansLabels" -}}
orleans/serviceId: {{ .Values.orleans.serviceId | quote }}
orleans/clusterId: {{ .Values.orleans.clusterId | quote }}
{{- end }}

{{/*
Selector labels of the bundled Redis.
*/}}
{{- define "evograins.redisSelectorLabels" -}}
{{ include "evograins.selectorLabels" . }}
app.kubernetes.io/component: redis
{{- end }}

{{/*
Name of the service account to use.
*/}}
{{- define "evograins.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "evograins.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: repository:tag, the tag defaulting to the chart appVersion.
Usage: include "evograins.image" (dict "image" .Values.cpuSilo.image "root" $)
*/}}
{{- define "evograins.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/*
Redis host name of the bundled Redis Service.
*/}}
{{- define "evograins.redis.fullname" -}}
{{- printf "%s-redis" (include "evograins.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
"true" when the silos use Redis (for clustering or storage); empty otherwise.
*/}}
{{- define "evograins.redis.used" -}}
{{- if or (eq .Values.clustering.provider "redis") (eq .Values.storage.provider "redis") }}true{{ end }}
{{- end }}

{{/*
"true" when the chart deploys its own Redis: enabled, and used.
*/}}
{{- define "evograins.redis.deployed" -}}
{{- if and .Values.redis.enabled (include "evograins.redis.used" .) }}true{{ end }}
{{- end }}

{{/*
Secret and key holding the bundled Redis password.
*/}}
{{- define "evograins.redis.passwordSecretName" -}}
{{- default (printf "%s-redis-auth" (include "evograins.fullname" .) | trunc 63 | trimSuffix "-") .Values.redis.auth.existingSecret }}
{{- end }}

{{- define "evograins.redis.passwordSecretKey" -}}
{{- if .Values.redis.auth.existingSecret }}
{{- .Values.redis.auth.existingSecretKey }}
{{- else -}}
redis-password
{{- end }}
{{- end }}

{{/*
Secret made by the chart for redis.external.connectionString.
*/}}
{{- define "evograins.redis.externalSecretName" -}}
{{- printf "%s-redis-connection" (include "evograins.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The value (or valueFrom) of an env var holding the StackExchange.Redis connection string. The
bundled Redis' password comes from REDIS_PASSWORD (declared earlier in the same env list), which
Kubernetes substitutes for $(REDIS_PASSWORD); the password never appears in the pod spec.
*/}}
{{- define "evograins.redis.connectionValue" -}}
{{- if .Values.redis.enabled -}}
value: {{ printf "%s:%v%s,abortConnect=false" (include "evograins.redis.fullname" .) .Values.redis.port (ternary ",password=$(REDIS_PASSWORD)" "" .Values.redis.auth.enabled) | quote }}
{{- else if .Values.redis.external.existingSecret -}}
valueFrom:
  secretKeyRef:
    name: {{ .Values.redis.external.existingSecret }}
    key: {{ .Values.redis.external.existingSecretKey }}
{{- else -}}
valueFrom:
  secretKeyRef:
    name: {{ include "evograins.redis.externalSecretName" . }}
    key: connectionString
{{- end }}
{{- end }}

{{/*
EvoGrains__Silo__ShutdownTimeout as a TimeSpan ("hh:mm:ss"); a bare number would bind as days.
*/}}
{{/*
The Secret and key holding the web page's access token, or "" when the page is read-only.
*/}}
{{- define "evograins.web.tokenSecretName" -}}
{{- if .Values.web.accessToken.existingSecret }}
{{- .Values.web.accessToken.existingSecret }}
{{- else if .Values.web.accessToken.value }}
{{- include "evograins.fullname" . }}-web-token
{{- end }}
{{- end }}

{{- define "evograins.web.tokenSecretKey" -}}
{{- if .Values.web.accessToken.existingSecret }}
{{- .Values.web.accessToken.existingSecretKey }}
{{- else }}
{{- "token" }}
{{- end }}
{{- end }}

{{- define "evograins.shutdownTimeout" -}}
{{- $s := int .Values.orleans.shutdownTimeoutSeconds }}
{{- printf "%02d:%02d:%02d" (div $s 3600) (mod (div $s 60) 60) (mod $s 60) }}
{{- end }}

{{/*
Fails rendering on combinations that cannot work.
*/}}
{{- define "evograins.validate" -}}
{{- if le (int .Values.orleans.terminationGracePeriodSeconds) (int .Values.orleans.shutdownTimeoutSeconds) }}
{{- fail "orleans.terminationGracePeriodSeconds must be greater than orleans.shutdownTimeoutSeconds, or the kubelet kills silos before they hand off their grains" }}
{{- end }}
{{- if not (has .Values.storage.provider (list "redis" "azureblob" "memory")) }}
{{- fail "storage.provider must be redis, azureblob or memory" }}
{{- end }}
{{- if and (eq .Values.storage.provider "azureblob") (not .Values.storage.azureBlob.existingSecret) }}
{{- fail "storage.provider=azureblob needs storage.azureBlob.existingSecret (a Secret with the Azure Storage connection string)" }}
{{- end }}
{{- if not (has .Values.clustering.provider (list "redis" "azuretable")) }}
{{- fail "clustering.provider must be redis or azuretable" }}
{{- end }}
{{- if and (eq .Values.clustering.provider "azuretable") (not .Values.clustering.azureTable.existingSecret) }}
{{- fail "clustering.provider=azuretable needs clustering.azureTable.existingSecret (a Secret with the Azure Storage connection string)" }}
{{- end }}
{{- if and (include "evograins.redis.used" .) (not .Values.redis.enabled) (not .Values.redis.external.connectionString) (not .Values.redis.external.existingSecret) }}
{{- fail "redis.enabled=false needs redis.external.connectionString or redis.external.existingSecret (clustering or storage uses Redis)" }}
{{- end }}
{{- if and (not .Values.cpuSilo.enabled) (not .Values.gpuSilo.enabled) }}
{{- fail "enable cpuSilo, gpuSilo or both" }}
{{- end }}
{{- if not (hasPrefix "/" .Values.dashboard.path) }}
{{- fail "dashboard.path must start with /" }}
{{- end }}
{{- if and .Values.dashboard.enabled .Values.web.enabled (has (trimSuffix "/" .Values.dashboard.path) (list "" "/api" "/static" "/searches")) }}
{{- fail (printf "dashboard.path %s is taken by the web page (/, /searches, /static, /api); choose another path" .Values.dashboard.path) }}
{{- end }}
{{- if and .Values.web.accessToken.value (lt (len .Values.web.accessToken.value) 16) }}
{{- fail "web.accessToken.value must have at least 16 characters (e.g. openssl rand -hex 24)" }}
{{- end }}
{{- $sources := 0 }}
{{- range (list .Values.data.existingClaim .Values.data.hostPath .Values.data.nfs.server .Values.data.volume) }}
{{- if . }}{{ $sources = add1 $sources }}{{ end }}
{{- end }}
{{- if gt $sources 1 }}
{{- fail "set at most one of data.existingClaim, data.hostPath, data.nfs.server and data.volume: one data volume is mounted at data.mountPath" }}
{{- end }}
{{- if and .Values.data.nfs.server (not .Values.data.nfs.path) }}
{{- fail "data.nfs.server needs data.nfs.path (the exported directory)" }}
{{- end }}
{{- if not (hasPrefix "/" .Values.data.mountPath) }}
{{- fail "data.mountPath must be an absolute path" }}
{{- end }}
{{- if has (clean .Values.data.mountPath) (list "/" "/tmp" (include "evograins.data.cachePath" .)) }}
{{- fail (printf "data.mountPath must not be %s: the silo uses it" (clean .Values.data.mountPath)) }}
{{- end }}
{{- end }}

{{/*
Where silos cache decoded image folders and .npz files (an emptyDir; EVOGRAINS_DATA_CACHE).
*/}}
{{- define "evograins.data.cachePath" -}}
/var/cache/evograins
{{- end }}

{{/*
The volume source of the training data (data.existingClaim, data.hostPath, data.nfs or data.volume),
always read-only; empty when none is set.
*/}}
{{- define "evograins.data.source" -}}
{{- with .Values.data }}
{{- if .existingClaim }}
persistentVolumeClaim:
  claimName: {{ .existingClaim | quote }}
  readOnly: true
{{- else if .hostPath }}
hostPath:
  path: {{ .hostPath | quote }}
  type: Directory
{{- else if .nfs.server }}
nfs:
  server: {{ .nfs.server | quote }}
  path: {{ .nfs.path | quote }}
  readOnly: true
{{- else if .volume }}
{{ toYaml .volume }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Human-readable name of the data volume's source, for NOTES.txt; empty when none is set.
*/}}
{{- define "evograins.data.description" -}}
{{- with .Values.data }}
{{- if .existingClaim }}PersistentVolumeClaim "{{ .existingClaim }}"
{{- else if .hostPath }}host directory {{ .hostPath }}
{{- else if .nfs.server }}NFS export {{ .nfs.server }}:{{ .nfs.path }}
{{- else if .volume }}the volume source in data.volume
{{- end }}
{{- end }}
{{- end }}

{{/*
Container mounts every silo has: /tmp, the data cache and the data volume (read-only). The silo kinds
add their extraVolumeMounts.
*/}}
{{- define "evograins.silo.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: data-cache
  mountPath: {{ include "evograins.data.cachePath" . }}
{{- if include "evograins.data.source" . }}
- name: data
  mountPath: {{ .Values.data.mountPath }}
  readOnly: true
  {{- with .Values.data.subPath }}
  subPath: {{ . | quote }}
  {{- end }}
{{- end }}
{{- end }}

{{/*
Pod volumes every silo has, matching evograins.silo.volumeMounts. The silo kinds add their extraVolumes.
*/}}
{{- define "evograins.silo.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
- name: data-cache
  emptyDir:
    sizeLimit: {{ .Values.data.cacheSizeLimit }}
{{- with include "evograins.data.source" . | trim }}
- name: data
  {{- . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Environment shared by every silo container. The CPU and GPU Deployments differ only in
EvoGrains__Silo__Accelerator, EvoGrains__Training__Threads and their resources.
*/}}
{{- define "evograins.silo.env" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: ORLEANS_SERVICE_ID
  value: {{ .Values.orleans.serviceId | quote }}
- name: ORLEANS_CLUSTER_ID
  value: {{ .Values.orleans.clusterId | quote }}
- name: ASPNETCORE_HTTP_PORTS
  value: {{ .Values.orleans.httpPort | quote }}
- name: EvoGrains__ServiceId
  value: {{ .Values.orleans.serviceId | quote }}
- name: EvoGrains__ClusterId
  value: {{ .Values.orleans.clusterId | quote }}
- name: EvoGrains__Silo__SiloPort
  value: {{ .Values.orleans.siloPort | quote }}
- name: EvoGrains__Silo__GatewayPort
  value: {{ .Values.orleans.gatewayPort | quote }}
- name: EvoGrains__Silo__AdvertisedIPAddress
  value: "$(POD_IP)"
- name: EvoGrains__Silo__ShutdownTimeout
  value: {{ include "evograins.shutdownTimeout" . | quote }}
- name: EvoGrains__Placement__AllowCpuTrainers
  value: {{ .Values.orleans.allowCpuTrainers | quote }}
- name: EvoGrains__Dashboard__Enabled
  value: {{ .Values.dashboard.enabled | quote }}
- name: EvoGrains__Dashboard__Path
  value: {{ .Values.dashboard.path | quote }}
- name: EvoGrains__Web__Enabled
  value: {{ .Values.web.enabled | quote }}
{{- if and .Values.web.enabled (include "evograins.web.tokenSecretName" .) }}
- name: EvoGrains__Web__AccessToken
  valueFrom:
    secretKeyRef:
      name: {{ include "evograins.web.tokenSecretName" . }}
      key: {{ include "evograins.web.tokenSecretKey" . }}
{{- end }}
{{- if and (include "evograins.redis.deployed" .) .Values.redis.auth.enabled }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "evograins.redis.passwordSecretName" . }}
      key: {{ include "evograins.redis.passwordSecretKey" . }}
{{- end }}
- name: EvoGrains__Clustering__Provider
  value: {{ .Values.clustering.provider | quote }}
- name: EvoGrains__Clustering__ConnectionString
{{- if eq .Values.clustering.provider "azuretable" }}
  valueFrom:
    secretKeyRef:
      name: {{ .Values.clustering.azureTable.existingSecret }}
      key: {{ .Values.clustering.azureTable.existingSecretKey }}
- name: EvoGrains__Clustering__TableName
  value: {{ .Values.clustering.azureTable.tableName | quote }}
{{- else }}
  {{- include "evograins.redis.connectionValue" . | nindent 2 }}
{{- end }}
- name: EvoGrains__Storage__Provider
  value: {{ .Values.storage.provider | quote }}
{{- if eq .Values.storage.provider "redis" }}
- name: EvoGrains__Storage__ConnectionString
  {{- include "evograins.redis.connectionValue" . | nindent 2 }}
{{- else if eq .Values.storage.provider "azureblob" }}
- name: EvoGrains__Storage__ConnectionString
  valueFrom:
    secretKeyRef:
      name: {{ .Values.storage.azureBlob.existingSecret }}
      key: {{ .Values.storage.azureBlob.existingSecretKey }}
- name: EvoGrains__Storage__ContainerName
  value: {{ .Values.storage.azureBlob.containerName | quote }}
{{- end }}
- name: EVOGRAINS_DATA_CACHE
  value: {{ include "evograins.data.cachePath" . | quote }}
{{- with .Values.otel.endpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{/*
Ports of a silo container.
*/}}
{{- define "evograins.silo.ports" -}}
- name: silo
  containerPort: {{ .Values.orleans.siloPort }}
  protocol: TCP
- name: gateway
  containerPort: {{ .Values.orleans.gatewayPort }}
  protocol: TCP
- name: http
  containerPort: {{ .Values.orleans.httpPort }}
  protocol: TCP
{{- end }}

{{/*
Probes of a silo container. Liveness uses /health/live, which runs no checks and calls no grain.
*/}}
{{- define "evograins.silo.probes" -}}
startupProbe:
  httpGet:
    path: /health/live
    port: http
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
  timeoutSeconds: {{ .Values.probes.startup.timeoutSeconds }}
readinessProbe:
  httpGet:
    path: /health/ready
    port: http
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
  timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
livenessProbe:
  httpGet:
    path: /health/live
    port: http
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
  timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
{{- end }}

{{/* Release-wide name: the release name, or <release>-ser when it does not already say ser. */}}
{{- define "ser.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Services in a fixed order: values key -> Kubernetes name and SER_<ENV>_PORT / _ADDRESS prefix. */}}
{{- define "ser.catalog" -}}
features: { name: features, env: FEATURES }
fopPretrainer: { name: fop-pretrainer, env: FOP_PRETRAINER }
vqvaePretrainer: { name: vqvae-pretrainer, env: VQVAE_PRETRAINER }
classifierTrainer: { name: classifier-trainer, env: CLASSIFIER_TRAINER }
inference: { name: inference, env: INFERENCE }
modelRegistry: { name: model-registry, env: MODEL_REGISTRY }
gateway: { name: gateway, env: GATEWAY }
{{- end -}}

{{- define "ser.order" -}}
[features, fopPretrainer, vqvaePretrainer, classifierTrainer, inference, modelRegistry, gateway]
{{- end -}}

{{- define "ser.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/part-of: ser
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{- define "ser.labels" -}}
{{ include "ser.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one service's objects and pods; call with (dict "root" $ "name" "features"). */}}
{{- define "ser.workloadLabels" -}}
{{ include "ser.commonLabels" .root }}
{{ include "ser.selectorLabels" . }}
{{- end -}}

{{/* Selector of one service's pods; call with (dict "root" $ "name" "features"). */}}
{{- define "ser.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* <registry>/<repository>:<tag>; call with (dict "root" $ "repository" "ser/features"). */}}
{{- define "ser.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := ternary .repository (printf "%s/%s" (trimSuffix "/" $img.registry) .repository) (empty $img.registry) -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{- define "ser.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ser.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "ser.kafkaCaDir" -}}/etc/ser/kafka-ca{{- end -}}

{{/* The Kafka CA Secret as a volume and its mount, for every pod that talks to Kafka (kafka.tls.caSecret). */}}
{{- define "ser.kafkaCaVolume" -}}
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.tls.caSecret }}
{{- end }}
{{- end -}}

{{- define "ser.kafkaCaMount" -}}
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret }}
- name: kafka-ca
  mountPath: {{ include "ser.kafkaCaDir" . }}
  readOnly: true
{{- end }}
{{- end -}}

{{- define "ser.serviceAuthSecret" -}}
{{- default (printf "%s-service-auth" (include "ser.fullname" .)) .Values.serviceAuth.existingSecret -}}
{{- end -}}

{{- define "ser.artifactsClaim" -}}
{{- default (printf "%s-artifacts" (include "ser.fullname" .)) .Values.artifacts.existingClaim -}}
{{- end -}}

{{- define "ser.cudaCacheClaim" -}}
{{- default (printf "%s-cuda-cache" (include "ser.fullname" .)) .Values.gpu.cudaCache.existingClaim -}}
{{- end -}}

{{/* Kafka and PostgreSQL connection variables (services and the migrations Job). */}}
{{- define "ser.connectionEnv" -}}
- name: SER_BUS
  value: kafka
- name: SER_KAFKA_BROKERS
{{- if .Values.kafka.existingSecret }}
  valueFrom:
    secretKeyRef: { name: {{ .Values.kafka.existingSecret }}, key: {{ .Values.kafka.brokersKey }} }
{{- else }}
  value: {{ required "kafka.brokers (or kafka.existingSecret) is required" .Values.kafka.brokers | quote }}
{{- end }}
{{- with .Values.kafka.topicPrefix }}
- name: SER_KAFKA_TOPIC_PREFIX
  value: {{ . | quote }}
{{- end }}
{{- if .Values.kafka.tls.enabled }}
- name: SER_KAFKA_TLS
  value: "true"
{{- if .Values.kafka.tls.caSecret }}
- name: SER_KAFKA_TLS_CA_FILE
  value: {{ printf "%s/%s" (include "ser.kafkaCaDir" .) .Values.kafka.tls.caKey | quote }}
{{- end }}
{{- end }}
{{- with .Values.kafka.sasl }}
{{- if .mechanism }}
- name: SER_KAFKA_SASL_MECHANISM
  value: {{ .mechanism | quote }}
- name: SER_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef: { name: {{ required "kafka.sasl.existingSecret is required with kafka.sasl.mechanism" .existingSecret }}, key: {{ .usernameKey }} }
- name: SER_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret }}, key: {{ .passwordKey }} }
{{- end }}
{{- end }}
- name: SER_STORE
  value: postgres
{{- with .Values.postgresql.schema }}
- name: SER_DATABASE_SCHEMA
  value: {{ . | quote }}
{{- end }}
- name: SER_DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ required "postgresql.existingSecret is required: a Secret with the database URL" .Values.postgresql.existingSecret }}
      key: {{ .Values.postgresql.urlKey }}
- name: SER_LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
{{- end -}}

{{/* Object storage for artifacts and s3:// corpora (artifacts.objectStorage); nothing when it is off. */}}
{{- define "ser.objectStorageEnv" -}}
{{- $os := .Values.artifacts.objectStorage -}}
{{- if $os.uri }}
{{- if not (hasPrefix "s3://" $os.uri) }}{{ fail "artifacts.objectStorage.uri must be an s3://bucket/prefix location" }}{{ end }}
- name: SER_ARTIFACT_STORE
  value: {{ $os.uri | quote }}
{{- end }}
{{- with $os.endpoint }}
- name: SER_S3_ENDPOINT
  value: {{ . | quote }}
{{- end }}
- name: SER_S3_REGION
  value: {{ $os.region | quote }}
{{- if ne (toString $os.forcePathStyle) "" }}
- name: SER_S3_FORCE_PATH_STYLE
  value: {{ $os.forcePathStyle | toString | quote }}
{{- end }}
{{- if $os.existingSecret }}
- name: AWS_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef: { name: {{ $os.existingSecret }}, key: {{ $os.accessKeyIdKey }} }
- name: AWS_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef: { name: {{ $os.existingSecret }}, key: {{ $os.secretAccessKeyKey }} }
{{- end }}
{{- end -}}

{{/* Everything a service container reads; call with (dict "root" $ "key" "features"). */}}
{{- define "ser.serviceEnv" -}}
{{- $root := .root -}}
{{- $catalog := include "ser.catalog" $root | fromYaml -}}
{{- $me := get $catalog .key -}}
{{- $svc := get $root.Values.services .key -}}
{{- $fullname := include "ser.fullname" $root -}}
{{ include "ser.connectionEnv" $root }}
- name: SER_KAFKA_CLIENT_ID
  value: {{ printf "%s-%s" $root.Values.kafka.clientId $me.name | quote }}
- name: SER_DATA_DIR
  value: {{ $root.Values.artifacts.mountPath | quote }}
{{- include "ser.objectStorageEnv" $root }}
- name: SER_GRPC_HOST
  value: "0.0.0.0"
- name: SER_SEED_DEMO
  value: "false"
- name: SER_GRPC_DEADLINE_MS
  value: {{ $root.Values.config.grpcDeadlineMs | quote }}
- name: SER_CORPUS_ROOTS
  value: {{ $root.Values.config.corpusRoots | quote }}
- name: SER_METRICS_PORT
  value: {{ $root.Values.metrics.port | quote }}
- name: SER_{{ $me.env }}_PORT
  value: {{ $svc.port | quote }}
# Mutating gRPC calls between the services carry a token signed with this key (serviceAuth).
- name: SER_SERVICE_TOKEN_SECRET
  valueFrom:
    secretKeyRef: { name: {{ include "ser.serviceAuthSecret" $root }}, key: {{ $root.Values.serviceAuth.secretKey }} }
{{- range $key := include "ser.order" $root | fromYamlArray }}
{{- if ne $key "gateway" }}
{{- $other := get $catalog $key }}
- name: SER_{{ $other.env }}_ADDRESS
  value: {{ printf "%s-%s:%v" $fullname $other.name (get $root.Values.services $key).port | quote }}
{{- end }}
{{- end }}
{{- if eq .key "features" }}
- name: SER_FEATURE_WORKERS
  value: {{ $svc.workers | quote }}
{{- end }}
{{- if and $svc.trainer $root.Values.gpu.enabled }}
# Fail loudly on a node without a usable GPU instead of training on wasm.
- name: SER_TFJS_BACKEND
  value: node-gpu
{{- end }}
{{- if and $svc.trainer $root.Values.gpu.enabled $root.Values.gpu.cudaCache.enabled }}
- name: CUDA_CACHE_PATH
  value: {{ $root.Values.gpu.cudaCache.mountPath | quote }}
- name: CUDA_CACHE_MAXSIZE
  value: {{ $root.Values.gpu.cudaCache.maxSizeBytes | int64 | quote }}
{{- end }}
{{- range $name, $value := merge (dict) $svc.env $root.Values.config.extraEnv }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

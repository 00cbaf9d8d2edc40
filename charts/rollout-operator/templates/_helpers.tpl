{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "rollout-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-prefixed unless the release name already contains the chart name. */}}
{{- define "rollout-operator.fullname" -}}
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

{{- define "rollout-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "rollout-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rollout-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "rollout-operator.labels" -}}
helm.sh/chart: {{ include "rollout-operator.chart" . }}
{{ include "rollout-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: rollout-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "rollout-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rollout-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image reference: a digest wins over a tag, so a pinned install never drifts. */}}
{{- define "rollout-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The ServiceAccount as an RBAC subject. */}}
{{- define "rollout-operator.subject" -}}
- kind: ServiceAccount
  name: {{ include "rollout-operator.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
{{- end }}

{{/*
The operator's namespaced-resource rules: the same list for the ClusterRole (all namespaces) and for the Role in
each of watchNamespaces. docs/operations.md ("RBAC") lists them with reasons, and the Deploy tests check that the
rendered rules equal that table; change both together. config/rbac/role.yaml holds the same rules for kustomize.
*/}}
{{- define "rollout-operator.operatorRules" -}}
# Rollouts are the primary resource, read from an informer cache. patch: only metadata.finalizers, to add/remove
# rollout-operator.io/traffic-reset (merge patch guarded by resourceVersion); the spec is never written.
- apiGroups: ["rollout-operator.io"]
  resources: ["rollouts"]
  verbs: ["get", "list", "watch", "patch"]
# Status is written only through the /status subresource: one diffed merge patch per reconcile.
- apiGroups: ["rollout-operator.io"]
  resources: ["rollouts/status"]
  verbs: ["patch"]
# Owned objects carry ownerReferences with blockOwnerDeletion, which needs update on the owner's finalizers
# where the OwnerReferencesPermissionEnforcement admission plugin is on.
- apiGroups: ["rollout-operator.io"]
  resources: ["rollouts/finalizers"]
  verbs: ["update"]
# Analysis templates referenced by Rollouts are read from an informer cache.
- apiGroups: ["rollout-operator.io"]
  resources: ["analysistemplates"]
  verbs: ["get", "list", "watch"]
# One Deployment per revision, owned by the Rollout: server-side applied (create + patch), deleted after scale-down.
# Watched cluster-wide (or per namespace) without a selector, because a workloadRef Deployment is the user's.
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# A user-owned workloadRef Deployment is scaled through /scale only, so nothing else of it is touched.
- apiGroups: ["apps"]
  resources: ["deployments/scale"]
  verbs: ["patch"]
# Job metrics: one Job per measurement, owned by the Rollout, watched through the rollout-operator.io/analysis-job
# label, deleted when no longer needed. The Job's pods run as the template's ServiceAccount, never the operator's.
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "delete"]
# Stable/canary (active/preview) Services stay the user's; the operator server-side applies only its selector key.
# No create: applying to a missing Service fails instead of creating one.
- apiGroups: [""]
  resources: ["services"]
  verbs: ["get", "list", "watch", "patch"]
# Gateway API routing: read the user's route, JSON-patch only the stable/canary backendRef weights.
- apiGroups: ["gateway.networking.k8s.io"]
  resources: ["httproutes", "grpcroutes"]
  verbs: ["get", "patch"]
# Istio routing: read the user's VirtualServices and DestinationRule, JSON-patch only the managed weights, the
# operator's own routes and the subsets' revision label.
- apiGroups: ["networking.istio.io"]
  resources: ["virtualservices", "destinationrules"]
  verbs: ["get", "list", "watch", "patch", "update"]
# NGINX routing: read the user's Ingress; server-side apply a canary Ingress (create + patch), delete it when done.
# ALB routing: merge-patch only the forward action annotation of the user's Ingress.
- apiGroups: ["networking.k8s.io"]
  resources: ["ingresses"]
  verbs: ["get", "create", "patch", "delete"]
# ALB routing: the load balancer controller's Events on the Ingress tell whether it took the action.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["list"]
# Kubernetes Events on Rollouts (events.k8s.io/v1); patch bumps the series count of a repeated event.
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}

{{/* Secrets referenced by analysis templates (Prometheus auth, CA bundles): a single GET, never list or watch. */}}
{{- define "rollout-operator.analysisSecretRules" -}}
# Analysis provider credentials (bearer token, basic auth, CA) named by secretKeyRef: read one key at a time.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
  {{- with .Values.rbac.analysisSecrets.resourceNames }}
  resourceNames:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}

{{/*
Refuses values that would break "one leader writes": several replicas without leader election, or lease timing
the operator itself would reject at start-up (better a failed install than a crash-looping pod).
*/}}
{{- define "rollout-operator.checkLeaderElection" -}}
{{- $election := .Values.leaderElection }}
{{- if and (gt (int .Values.replicaCount) 1) (not $election.enabled) }}
{{- fail (printf "replicaCount %v needs leaderElection.enabled=true: without it every replica reconciles and writes at once" .Values.replicaCount) }}
{{- end }}
{{- if $election.enabled }}
{{- $lease := float64 $election.leaseDurationSeconds }}
{{- $renew := float64 $election.renewDeadlineSeconds }}
{{- $retry := float64 $election.retryPeriodSeconds }}
{{- if le $lease $renew }}
{{- fail (printf "leaderElection.leaseDurationSeconds (%v) must be greater than leaderElection.renewDeadlineSeconds (%v)" $election.leaseDurationSeconds $election.renewDeadlineSeconds) }}
{{- end }}
{{- if le $renew (mulf $retry 1.2) }}
{{- fail (printf "leaderElection.renewDeadlineSeconds (%v) must be greater than 1.2 × leaderElection.retryPeriodSeconds (%v)" $election.renewDeadlineSeconds $election.retryPeriodSeconds) }}
{{- end }}
{{- end }}
{{- end }}

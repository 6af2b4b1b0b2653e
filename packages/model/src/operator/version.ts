/**
 * The operator release the operator model follows. Names, flags and defaults were read from the
 * VictoriaMetrics operator source at this commit (shared/domain/vm-domain.md lists the snapshot);
 * a later operator may derive differently, so the explain view and `vmtopo explain` show it.
 */
export const OPERATOR_VERSION = 'v0.74.1 (master d0d258c, 2026-08-21)';

/** What that operator deploys when the design pins no image tag (`op:internal/config/config.go`). */
export const DEFAULT_IMAGES = {
  victoriaMetrics: 'v1.150.0',
  alertmanager: 'prom/alertmanager:v0.31.0',
} as const;

/** What the model takes for granted about the cluster and the operator; shown with every explanation. */
export const ASSUMPTIONS: readonly string[] = [
  'The operator watches every namespace the design uses (WATCH_NAMESPACE unset).',
  'Operator environment defaults: useDefaultResources on, self-scrape objects created, cluster domain left out of service URLs.',
  'No HorizontalPodAutoscaler changes replica or shard counts unless the design sets hpa.',
  "A Deployment's pods get generated suffixes (<replicaset>-<hash>); they are shown by ordinal, <workload>-<i>.",
];

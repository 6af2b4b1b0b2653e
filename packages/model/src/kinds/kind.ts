import type { ComponentKind, JsonObject } from '../topology.ts';
import type { FieldDef } from './field.ts';

/** What the model knows about one component kind. */
export interface KindInfo {
  kind: ComponentKind;
  /** The CR kind that carries it (cluster parts live inside a VMCluster); none for an external system (EXTERNAL_KINDS). */
  crdKind?: 'VMAgent' | 'VMSingle' | 'VMCluster' | 'VMAlert' | 'VMAlertmanager' | 'VMAuth';
  /** Workload / Service name prefix: `vmagent` → `vmagent-<name>`; for an external system, its ids' prefix only. */
  prefix: string;
  /** The Service port other components reach it on (operator default). */
  port?: number;
  title: string;
  /** One line on what it is for (palette, tooltips). */
  summary: string;
  /** Spec of a freshly added component. */
  initialSpec: JsonObject;
  fields: FieldDef[];
}

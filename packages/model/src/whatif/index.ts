/** "What if it fails" (issue #13): placement, simulation and the N−1 analysis. */
export { placementOf, zoneSpread, zonesFor, type Placement, type PodRef, type GroupPlacement } from './placement.ts';
export {
  simulate,
  baselineOf,
  podNames,
  unknownPods,
  nearPods,
  isUnharmed,
  severity,
  INGESTION_LEVELS,
  QUERY_LEVELS,
  ALERTING_LEVELS,
  REFERENCE_SEND_RATE,
  type IngestionLevel,
  type QueryLevel,
  type AlertingLevel,
  type Buffering,
  type Outcome,
  type ComponentHarm,
  type WhatIfOptions,
} from './simulate.ts';
export { analyse, whatIf, WHATIF_ASSUMPTIONS, type Analysis, type Scenario as WhatIfScenario, type ScenarioClass, type Survival } from './analysis.ts';

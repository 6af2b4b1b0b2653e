/** Capacity sizing (issue #14): flows, disk, CPU guidance, failover load and queue sizes, each figure with its formula and source. */
export * from './types.ts';
export { SRC as SIZING_SOURCES, retention as retentionOf, diskBytes as diskFormula, cpuCores as cpuGuidance, survivorLoad, queueBytes as queueFormula, quantityFor, vmSizeFor, showBytes as showSizingBytes, showRetention } from './formulas.ts';
export { agentCopies, type AgentCopies } from './agents.ts';
export { sizeTopology, resolveInputs, RAM_NOTE } from './size.ts';
export { sizingProblems, applySizingFix } from './problems.ts';
export * from './workload.ts';
export { applySizing } from './apply.ts';

/** VMAlert and VMAlertmanager rules: replicas, state persistence, rule loading and notifiers. */
import { getComponent, namespaceOf, replicasOf, partsOf } from '../access.ts';
import { addLink } from '../edit.ts';
import { linkProblem, linksFrom } from '../links.ts';
import type { Component, Link, Topology } from '../topology.ts';
import {
  ensureLabels,
  extraArg,
  isObj,
  notifierReachesAll,
  notifyBySelector,
  ofKind,
  setField,
  withAlertmanagerReplicas,
  named,
} from './context.ts';
import { resolveInsertUrl } from './agents.ts';
import { selectedRules } from './selectors.ts';
import { type Finding, type Rule, finding } from './types.ts';

export const vmalertSingleReplica: Rule = {
  id: 'vmalert-single-replica',
  severity: 'warning',
  title: 'VMAlert with a single replica',
  source: 'op:docs/resources/vmalert.md:113; vm:vmalert.md §HA vmalert',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      const r = replicasOf(a);
      if (r >= 2) continue;
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} runs ${r} replica${r === 1 ? '' : 's'}: rule evaluation, and therefore alerting, stops while the pod restarts. ` +
            'Set replicaCount to 2 with identical config; Alertmanager deduplicates their alerts.',
          'replicaCount',
          'Set replicaCount to 2',
        ),
      );
    }
    return out;
  },
  fix: (t, f) => setField(t, f.componentIds[0]!, 'replicaCount', 2),
};

const READ_KINDS = new Set(['VMSingle', 'vmselect']);

/** Where the VMAlert reads (datasource, else remoteRead), when that is a VMSingle or a vmselect. */
function readLink(t: Topology, a: Component): { link: Link; target: Component } | undefined {
  for (const type of ['datasource', 'remoteRead'] as const) {
    for (const link of linksFrom(t, a.id, type)) {
      const target = getComponent(t, link.target);
      if (target && READ_KINDS.has(target.kind)) return { link, target };
    }
  }
  return undefined;
}

/** The write address matching what the VMAlert reads: the VMSingle, or the cluster's vminsert. */
function writeTargetFor(t: Topology, a: Component): { target: Component; tenant?: string } | undefined {
  const r = readLink(t, a);
  if (!r) return undefined;
  if (r.target.kind === 'VMSingle') return { target: r.target };
  const vminsert = r.target.cluster !== undefined ? partsOf(t, r.target.cluster).vminsert : undefined;
  return vminsert ? { target: vminsert, ...(r.link.tenant !== undefined ? { tenant: r.link.tenant } : {}) } : undefined;
}

function withLink(t: Topology, type: 'remoteWrite' | 'remoteRead', a: Component, target: Component, tenant?: string): Topology {
  if (linkProblem(t, type, a.id, target.id) !== undefined) return t;
  return addLink(t, type, a.id, target.id, tenant !== undefined ? { tenant } : {}).topology;
}

/** Adds the remoteWrite (and, with `read`, remoteRead) links that the VMAlert lacks, next to its datasource. */
function addPersistence(t: Topology, a: Component, read: boolean): Topology | undefined {
  let next = t;
  if (linksFrom(t, a.id, 'remoteWrite').length === 0) {
    const w = writeTargetFor(t, a);
    if (!w || linkProblem(t, 'remoteWrite', a.id, w.target.id) !== undefined) return undefined;
    next = withLink(next, 'remoteWrite', a, w.target, w.tenant);
  }
  if (read && linksFrom(t, a.id, 'remoteRead').length === 0) {
    const r = readLink(t, a);
    if (!r || linkProblem(next, 'remoteRead', a.id, r.target.id) !== undefined) return undefined;
    next = withLink(next, 'remoteRead', a, r.target, r.link.tenant);
  }
  return next;
}

export const vmalertNoStatePersistence: Rule = {
  id: 'vmalert-no-state-persistence',
  severity: 'warning',
  title: 'VMAlert alert state is not persisted',
  source: 'vm:vmalert.md:432-451; op:docs/resources/vmalert.md:201-218',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      if (!selectedRules(t, a).alert) continue;
      const missing = (['remoteWrite', 'remoteRead'] as const).filter((type) => linksFrom(t, a.id, type).length === 0);
      if (missing.length === 0) continue;
      const fixed = addPersistence(t, a, true);
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} evaluates alerting rules but has no ${missing.join(' and no ')}: pending and firing alert state (for:) resets on every restart, and both URLs are needed to restore it. ` +
            'Set remoteWrite to vminsert or the VMSingle, and remoteRead to vmselect or the VMSingle.',
          undefined,
          fixed ? `Add ${missing.join(' and ')} next to the datasource` : undefined,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    return (a && addPersistence(t, a, true)) ?? t;
  },
};

export const vmalertRecordingWithoutRemotewrite: Rule = {
  id: 'vmalert-recording-without-remotewrite',
  severity: 'error',
  title: 'Recording rules without remoteWrite',
  source: 'vm:app/vmalert/manager.go:134-135',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      if (!selectedRules(t, a).record || linksFrom(t, a.id, 'remoteWrite').length > 0) continue;
      const w = addPersistence(t, a, false) ? writeTargetFor(t, a) : undefined;
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} selects VMRules with recording rules but has no remoteWrite: vmalert refuses to load the config (recording rules need -remoteWrite.url). ` +
            'Set remoteWrite to the storage it reads from (vminsert or the VMSingle).',
          undefined,
          w ? `Add remoteWrite to ${named(t, w.target)}` : undefined,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    return (a && addPersistence(t, a, false)) ?? t;
  },
};

function hasNotifier(t: Topology, a: Component): boolean {
  const s = a.spec;
  return (
    linksFrom(t, a.id, 'notifier').length > 0 ||
    isObj(s.notifierConfigRef) ||
    isObj(s.notifier) ||
    (Array.isArray(s.notifiers) && s.notifiers.length > 0) ||
    (extraArg(a, 'notifier.blackhole') !== undefined && extraArg(a, 'notifier.blackhole') !== 'false')
  );
}

/** The alertmanager a notifier fix points at: the only one in the VMAlert's namespace, or in the design. */
function notifierCandidate(t: Topology, a: Component): Component | undefined {
  const ams = ofKind(t, 'VMAlertmanager');
  const ns = namespaceOf(t, a);
  const local = ams.filter((m) => namespaceOf(t, m) === ns);
  const pick = local.length === 1 ? local[0] : ams.length === 1 ? ams[0] : undefined;
  return pick && linkProblem(t, 'notifier', a.id, pick.id) === undefined ? pick : undefined;
}

export const vmalertNoNotifier: Rule = {
  id: 'vmalert-no-notifier',
  severity: 'error',
  title: 'Alerting rules without a notifier',
  source: 'op:factory/vmalert/rules.go:25-27,141-160; vmalert.go:735-748; vm:app/vmalert/manager.go:137',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      if (!selectedRules(t, a).alert || hasNotifier(t, a)) continue;
      const am = notifierCandidate(t, a);
      out.push(
        finding(
          this,
          [a.id],
          `${named(t, a)} selects VMRules with alerting rules but has no notifier (notifiers, notifierConfigRef or notifier.blackhole): the operator silently drops every alerting rule, so no alert fires. ` +
            'Add a notifier, preferably a selector matching the VMAlertmanager.',
          undefined,
          am ? `Notify ${named(t, am)} through a label selector` : undefined,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const a = getComponent(t, f.componentIds[0]);
    const am = a && notifierCandidate(t, a);
    if (!a || !am) return t;
    return ensureLabels(addLink(t, 'notifier', a.id, am.id, { notify: 'selector' }).topology, am.id);
  },
};

export const vmalertNotifierNotAllAmPods: Rule = {
  id: 'vmalert-notifier-not-all-am-pods',
  severity: 'error',
  title: 'VMAlert does not notify every Alertmanager pod',
  source: 'op:docs/resources/vmalert.md:115-116; op:docs/resources/vmalertmanager.md:226; am:docs/high_availability.md §Prometheus Configuration, §Common Pitfalls',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      for (const l of linksFrom(t, a.id, 'notifier')) {
        const am = getComponent(t, l.target);
        if (am?.kind !== 'VMAlertmanager') continue;
        const r = replicasOf(am);
        if (notifierReachesAll(l, r)) continue;
        const how =
          l.notify === 'service'
            ? 'through its single Service address'
            : `through pod URLs for ${l.pods!.length === 0 ? 'no pod' : `pod${l.pods!.length === 1 ? '' : 's'} ${[...l.pods!].sort((x, y) => x - y).join(', ')}`} only`;
        out.push(
          finding(
            this,
            [a.id, am.id],
            `${named(t, a)} notifies ${named(t, am)} ${how}, but the alertmanager runs ${r} replicas: vmalert must send every alert to every instance directly, not through one address. ` +
              'Use a notifiers[].selector matching the VMAlertmanager labels (it expands to every pod), or list every vmalertmanager pod URL.',
            undefined,
            `Notify ${named(t, am)} through a label selector`,
          ),
        );
      }
    }
    return out;
  },
  fix: (t, f) => notifyBySelector(t, f.componentIds[1]!, f.componentIds[0]),
};

export const alertmanagerSingleReplica: Rule = {
  id: 'alertmanager-single-replica',
  severity: 'warning',
  title: 'Alertmanager with a single replica',
  source: 'op:factory/vmalertmanager/statefulset.go:182-186; am:docs/high_availability.md §Cluster Size Recommendations',
  check(t) {
    const out: Finding[] = [];
    for (const m of ofKind(t, 'VMAlertmanager')) {
      const r = replicasOf(m);
      if (r >= 2) continue;
      out.push(
        finding(
          this,
          [m.id],
          `${named(t, m)} runs ${r} replica${r === 1 ? '' : 's'}: it is a single point of failure, and gossip clustering is off with one replica. Set replicaCount to 3.`,
          'replicaCount',
          'Set replicaCount to 3 (notifiers by selector)',
        ),
      );
    }
    return out;
  },
  fix: (t, f) => withAlertmanagerReplicas(t, f.componentIds[0]!, 3),
};

export const alertmanagerEvenReplicas: Rule = {
  id: 'alertmanager-even-replicas',
  severity: 'info',
  title: 'Alertmanager with an even number of replicas',
  source: 'am:docs/high_availability.md §Cluster Size Recommendations',
  check(t) {
    const out: Finding[] = [];
    for (const m of ofKind(t, 'VMAlertmanager')) {
      const r = replicasOf(m);
      if (r <= 0 || r % 2 !== 0) continue;
      out.push(
        finding(
          this,
          [m.id],
          `${named(t, m)} runs ${r} replicas: odd cluster sizes are preferred (3 is the recommended production minimum, 5 for critical setups). Set replicaCount to ${r + 1}.`,
          'replicaCount',
          `Set replicaCount to ${r + 1}`,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const m = getComponent(t, f.componentIds[0]);
    return m ? withAlertmanagerReplicas(t, m.id, replicasOf(m) + 1) : t;
  },
};

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

export const alertmanagerNoConfig: Rule = {
  id: 'alertmanager-no-config',
  severity: 'warning',
  title: 'Alertmanager without a configuration',
  source: 'op:docs/resources/vmalertmanager.md:220-222; factory/vmalertmanager/config.go:118-127',
  check(t) {
    const out: Finding[] = [];
    for (const m of ofKind(t, 'VMAlertmanager')) {
      const s = m.spec;
      if (present(s.configSecret) || present(s.configRawYaml) || present(s.configSelector) || present(s.configNamespaceSelector) || s.selectAllByDefault === true) {
        continue;
      }
      out.push(
        finding(
          this,
          [m.id],
          `${named(t, m)} has no configSecret, no configRawYaml and selects no VMAlertmanagerConfig: the operator installs a stub config with a blackhole route, so notifications go nowhere. ` +
            'Provide configSecret (a Secret with key alertmanager.yaml) or configRawYaml.',
          'configSecret',
        ),
      );
    }
    return out;
  },
};

/** The storage a VMAlert remoteWrite link lands in directly: a VMSingle, a vminsert, or a URL naming one. */
function storageTarget(t: Topology, a: Component, l: Link): Component | undefined {
  const target = getComponent(t, l.target);
  if (target) return target.kind === 'VMSingle' || target.kind === 'vminsert' ? target : undefined;
  return resolveInsertUrl(t, l.external?.url, namespaceOf(t, a))?.cluster;
}

export const vmalertRemoteWriteUnbuffered: Rule = {
  id: 'vmalert-remote-write-unbuffered',
  severity: 'info',
  title: 'VMAlert remote-writes straight to storage',
  source: 'vm:vmalert.md §Multiple remote writes / §Reading rules; VictoriaMetrics#6905',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      for (const l of linksFrom(t, a.id, 'remoteWrite')) {
        const s = storageTarget(t, a, l);
        if (!s) continue;
        out.push(
          finding(
            this,
            [a.id, s.id],
            `${named(t, a)} remote-writes straight to ${named(t, s)}: vmalert keeps no on-disk queue, so recording results and alert state are dropped while the storage is away. ` +
              'Remote-write through a VMAgent with a persistent queue (statefulMode with a volume), which forwards to the storage.',
          ),
        );
      }
    }
    return out;
  },
};

export const alertingRules: Rule[] = [
  vmalertSingleReplica,
  vmalertNoStatePersistence,
  vmalertRecordingWithoutRemotewrite,
  vmalertNoNotifier,
  vmalertNotifierNotAllAmPods,
  alertmanagerSingleReplica,
  alertmanagerEvenReplicas,
  alertmanagerNoConfig,
];


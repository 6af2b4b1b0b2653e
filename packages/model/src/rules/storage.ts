/** Storage rules: VMSingle as a single point of failure, its replica limit, ephemeral volumes. */
import { getComponent, replicasOf, partsOf } from '../access.ts';
import { updateComponent } from '../edit.ts';
import { linksFrom, linksTo } from '../links.ts';
import type { Component, Link, Topology } from '../topology.ts';
import { SHORT_LIST, idsOf, isObj, listOf, ofKind, setField, setSpec, named } from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

/** The one component every link of `links` targets, if they all target the same one. */
function soleTarget(links: readonly Link[]): string | undefined {
  const target = links[0]?.target;
  for (const l of links) if (l.target !== target) return undefined;
  return target;
}

/** The component every remote-write link of `agent` targets, memoized in `sole` for an agent with many. */
function soleTargetOf(t: Topology, agent: Component, sole: Map<string, string | undefined>): string | undefined {
  const links = linksFrom(t, agent.id, 'remoteWrite');
  if (links.length <= SHORT_LIST) return soleTarget(links);
  if (!sole.has(agent.id)) sole.set(agent.id, soleTarget(links));
  return sole.get(agent.id);
}

export const vmsingleSpof: Rule = {
  id: 'vmsingle-spof',
  severity: 'warning',
  title: 'VMSingle is a single point of failure',
  source: 'op:docs/resources/vmsingle.md:127-130; op:factory/vmsingle/vmsingle.go:176-186; vm:docs/victoriametrics/README.md §High availability',
  check(t) {
    const out: Finding[] = [];
    // Per agent with many links, asked once: one agent writing to thousands of VMSingles is one
    // pass over its links, not one per VMSingle.
    const sole = new Map<string, string | undefined>();
    for (const s of ofKind(t, 'VMSingle')) {
      const writers: Component[] = [];
      for (const l of linksTo(t, s.id, 'remoteWrite')) {
        const src = getComponent(t, l.source);
        if (src?.kind !== 'VMAgent') continue;
        if (soleTargetOf(t, src, sole) === s.id) writers.push(src);
      }
      const readers: Component[] = [];
      for (const l of linksTo(t, s.id, 'datasource')) {
        const src = getComponent(t, l.source);
        if (src?.kind === 'VMAlert') readers.push(src);
      }
      if (writers.length === 0 && readers.length === 0) continue;
      const wrote = writers.length ? `the only storage ${listOf(t, writers)} ${writers.length === 1 ? 'writes' : 'write'} to` : '';
      const read = readers.length ? `the only datasource of ${listOf(t, readers)}` : '';
      out.push(
        finding(
          this,
          idsOf([s], writers, readers),
          `${named(t, s)} is ${wrote && read ? `${wrote} and ${read}` : wrote || read}, but a VMSingle is one pod with no HA: restarts and upgrades (Recreate strategy) cause ingestion and query gaps. ` +
            'Use a VMCluster, or duplicate the setup: two VMSingles, each VMAgent writing to both, and reads through a VMAuth with first_available.',
        ),
      );
    }
    return out;
  },
};

export const vmsingleMultiReplica: Rule = {
  id: 'vmsingle-multi-replica',
  severity: 'error',
  title: 'VMSingle with more than one replica',
  source: 'op:docs/resources/vmsingle.md:23; no check in vmsingle_types.go:407',
  check(t) {
    const out: Finding[] = [];
    for (const s of ofKind(t, 'VMSingle')) {
      const r = replicasOf(s);
      if (r <= 1) continue;
      out.push(
        finding(
          this,
          [s.id],
          `${named(t, s)} has replicaCount ${r}, but VMSingle supports at most one replica: the webhook does not reject it, and the pods would share or split one data directory. ` +
            'Set replicaCount to 1; for HA use a VMCluster or two duplicated VMSingles.',
          'replicaCount',
          'Set replicaCount to 1',
        ),
      );
    }
    return out;
  },
  fix: (t, f) => setField(t, f.componentIds[0]!, 'replicaCount', 1),
};

const DEFAULT_VOLUME = '20Gi';

function vmstorageEphemeral(c: Component): boolean {
  const st = c.spec.storage;
  return !isObj(st) || !isObj(st.volumeClaimTemplate);
}

export const storageEphemeral: Rule = {
  id: 'storage-ephemeral',
  severity: 'warning',
  title: 'Metrics stored on an emptyDir',
  source: 'vmsingle_types.go (Storage: "by default it\'s empty dir"); vmextra_types.go:250-268; op:docs/resources/vmcluster.md §Examples',
  check(t) {
    const out: Finding[] = [];
    for (const s of ofKind(t, 'VMSingle')) {
      if (isObj(s.spec.storage) || (typeof s.spec.storageDataPath === 'string' && s.spec.storageDataPath !== '')) continue;
      out.push(
        finding(
          this,
          [s.id],
          `${named(t, s)} has no storage volume, so its metrics live on an emptyDir and are lost when the pod is rescheduled: add a PersistentVolumeClaim (spec.storage).`,
          'storageSize',
          `Add a ${DEFAULT_VOLUME} PersistentVolumeClaim`,
        ),
      );
    }
    for (const cl of ofKind(t, 'VMCluster')) {
      const vs = partsOf(t, cl.id).vmstorage;
      if (!vs || !vmstorageEphemeral(vs)) continue;
      const how = isObj(vs.spec.storage) && isObj(vs.spec.storage.emptyDir) ? 'uses an emptyDir' : 'has no storage';
      out.push(
        finding(
          this,
          [vs.id],
          `${named(t, vs)} ${how}, so the data of every vmstorage node is lost when its pod is rescheduled: add vmstorage.storage.volumeClaimTemplate.`,
          'storageSize',
          `Add a ${DEFAULT_VOLUME} volumeClaimTemplate`,
        ),
      );
    }
    return out;
  },
  fix(t, f) {
    const id = f.componentIds[0]!;
    const c = getComponent(t, id);
    if (!c) return t;
    // spec.storage is the PVC spec (kinds/vmsingle.ts's storageSize path lacks the `storage` prefix, so it is set directly).
    if (c.kind === 'VMSingle') return setSpec(t, id, { storage: { resources: { requests: { storage: DEFAULT_VOLUME } } } });
    const next = updateComponent(t, id, (x) => {
      const st = isObj(x.spec.storage) ? { ...x.spec.storage } : {};
      delete st.emptyDir;
      return { ...x, spec: { ...x.spec, storage: st } };
    });
    return setField(next, id, 'storageSize', DEFAULT_VOLUME);
  },
};

export const storageRules: Rule[] = [vmsingleSpof, vmsingleMultiReplica, storageEphemeral];

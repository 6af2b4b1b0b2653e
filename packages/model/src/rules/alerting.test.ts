import { describe, expect, test } from 'vitest';
import { getComponent } from '../access.ts';
import { linksFrom } from '../links.ts';
import { HA, agent, alert, design, edit, editComponent, editLinks, externalLink, link, single, vmRule, withoutLinks } from '../fixtures/build.ts';
import { haDesign } from '../fixtures/ha-design.ts';
import type { Topology } from '../topology.ts';
import { applyFix } from './index.ts';
import { fires, quiet } from './check-case.ts';

const setAlert = (f: (s: Record<string, unknown>) => Record<string, unknown>, t: Topology = haDesign()) => edit(t, HA.alert, f);
const drop = (type: string, t: Topology = haDesign()) => withoutLinks(t, (l) => l.source === HA.alert && l.type === type);
const notifyMode = (fields: Record<string, unknown>, t: Topology = haDesign()) => editLinks(t, (l) => l.type === 'notifier', (l) => ({ ...l, ...fields }));
const onlyRules = (t: Topology, ...rules: ReturnType<typeof vmRule>[]) => ({ ...t, extras: rules });

describe('vmalert-single-replica', () => {
  test('fires for one replica', () => {
    const t = setAlert((s) => ({ ...s, replicaCount: 1 }));
    const [f] = fires('vmalert-single-replica', t, { ids: [HA.alert], includes: ['rule evaluation, and therefore alerting, stops'], fixable: true });
    expect(getComponent(applyFix(t, f!), HA.alert)!.spec.replicaCount).toBe(2);
  });
  test('quiet for 2', () => quiet('vmalert-single-replica', haDesign()));
});

describe('vmalert-no-state-persistence', () => {
  test('fires without remoteRead; the fix reads from the datasource vmselect', () => {
    const t = drop('remoteRead');
    const [f] = fires('vmalert-no-state-persistence', t, { includes: ['has no remoteRead'], fixable: true });
    const rr = linksFrom(applyFix(t, f!), HA.alert, 'remoteRead');
    expect(rr.map((l) => [l.target, l.tenant])).toEqual([[HA.vmselect, '0']]);
  });
  test('fires without both; the fix adds remoteWrite to vminsert too', () => {
    const t = drop('remoteRead', drop('remoteWrite'));
    const [f] = fires('vmalert-no-state-persistence', t, { includes: ['no remoteWrite and no remoteRead'] });
    expect(linksFrom(applyFix(t, f!), HA.alert, 'remoteWrite').map((l) => l.target)).toEqual([HA.vminsert]);
  });
  test('quiet when no alerting rules are selected', () => {
    quiet('vmalert-no-state-persistence', onlyRules(drop('remoteRead'), vmRule('rec', { record: true })));
    quiet('vmalert-no-state-persistence', setAlert(({ selectAllByDefault: _s, ...s }) => s, drop('remoteRead')));
    quiet('vmalert-no-state-persistence', haDesign());
  });
});

describe('vmalert-recording-without-remotewrite', () => {
  test('fires for selected recording rules without remoteWrite; the fix adds it', () => {
    const t = drop('remoteWrite');
    const [f] = fires('vmalert-recording-without-remotewrite', t, { ids: [HA.alert], includes: ['refuses to load'], fixable: true });
    expect(f!.fixLabel).toBe("Add remoteWrite to vminsert of vmcluster 'main'");
    expect(linksFrom(applyFix(t, f!), HA.alert, 'remoteWrite')).toHaveLength(1);
  });
  test('follows ruleSelector and ruleNamespaceSelector', () => {
    const t = drop('remoteWrite');
    const bySelector = setAlert(({ selectAllByDefault: _s, ...s }) => ({ ...s, ruleSelector: { matchLabels: { team: 'platform' } } }), t);
    fires('vmalert-recording-without-remotewrite', bySelector);
    quiet('vmalert-recording-without-remotewrite', setAlert((s) => ({ ...s, ruleSelector: { matchLabels: { team: 'other' } } }), bySelector));
    const otherNs = onlyRules(t, vmRule('rec', { record: true, namespace: 'apps' }));
    quiet('vmalert-recording-without-remotewrite', setAlert(({ selectAllByDefault: _s, ...s }) => ({ ...s, ruleSelector: {} }), otherNs));
    fires(
      'vmalert-recording-without-remotewrite',
      setAlert(({ selectAllByDefault: _s, ...s }) => ({ ...s, ruleNamespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'apps' } } }), otherNs),
    );
  });
  test('quiet with only alerting rules, or with remoteWrite', () => {
    quiet('vmalert-recording-without-remotewrite', onlyRules(drop('remoteWrite'), vmRule('alerts', { alert: true })));
    quiet('vmalert-recording-without-remotewrite', haDesign());
  });
});

describe('vmalert-no-notifier', () => {
  test('fires for alerting rules without a notifier; the fix adds a selector notifier', () => {
    const t = drop('notifier');
    const [f] = fires('vmalert-no-notifier', t, { ids: [HA.alert], includes: ['silently drops every alerting rule'], fixable: true });
    expect(linksFrom(applyFix(t, f!), HA.alert, 'notifier').map((l) => [l.target, l.notify])).toEqual([[HA.am, 'selector']]);
  });
  test('the fix labels an unlabelled alertmanager so the selector matches', () => {
    const t = editComponent(drop('notifier'), HA.am, ({ labels: _l, ...c }) => c);
    const [f] = fires('vmalert-no-notifier', t);
    expect(getComponent(applyFix(t, f!), HA.am)!.labels).toEqual({ 'app.kubernetes.io/instance': 'alertmanager' });
  });
  test('quiet with notifierConfigRef, notifier.blackhole, or no alerting rules', () => {
    quiet('vmalert-no-notifier', setAlert((s) => ({ ...s, notifierConfigRef: { name: 'n', key: 'n.yaml' } }), drop('notifier')));
    quiet('vmalert-no-notifier', setAlert((s) => ({ ...s, extraArgs: { 'notifier.blackhole': 'true' } }), drop('notifier')));
    quiet('vmalert-no-notifier', onlyRules(drop('notifier'), vmRule('rec', { record: true })));
    quiet('vmalert-no-notifier', haDesign());
  });
});

describe('vmalert-notifier-not-all-am-pods', () => {
  test('fires for the Service address of a 3-replica alertmanager; the fix switches to a selector', () => {
    const t = notifyMode({ notify: 'service' });
    const [f] = fires('vmalert-notifier-not-all-am-pods', t, { ids: [HA.alert, HA.am], includes: ['through its single Service address', 'runs 3 replicas'], fixable: true });
    expect(linksFrom(applyFix(t, f!), HA.alert, 'notifier')[0]!.notify).toBe('selector');
  });
  test('fires for fewer pod URLs than pods', () => {
    fires('vmalert-notifier-not-all-am-pods', notifyMode({ notify: 'pods', pods: [0, 1] }), { includes: ['pods 0, 1 only'] });
  });
  test('quiet for a selector, all pods, or a single alertmanager', () => {
    quiet('vmalert-notifier-not-all-am-pods', haDesign());
    quiet('vmalert-notifier-not-all-am-pods', notifyMode({ notify: 'pods' }));
    quiet('vmalert-notifier-not-all-am-pods', notifyMode({ notify: 'pods', pods: [0, 1, 2] }));
    quiet('vmalert-notifier-not-all-am-pods', edit(notifyMode({ notify: 'service' }), HA.am, (s) => ({ ...s, replicaCount: 1 })));
  });
});

describe('alertmanager-single-replica', () => {
  test('fires for one replica; the fix sets 3 and keeps every notifier reaching all pods', () => {
    const t = edit(notifyMode({ notify: 'service' }), HA.am, (s) => ({ ...s, replicaCount: 1 }));
    const [f] = fires('alertmanager-single-replica', t, { ids: [HA.am], includes: ['gossip clustering is off'], fixable: true });
    const fixed = applyFix(t, f!);
    expect(getComponent(fixed, HA.am)!.spec.replicaCount).toBe(3);
    expect(linksFrom(fixed, HA.alert, 'notifier')[0]!.notify).toBe('selector');
  });
  test('quiet for 3', () => quiet('alertmanager-single-replica', haDesign()));
});

describe('alertmanager-even-replicas', () => {
  test('fires for 2; the fix sets 3', () => {
    const t = edit(haDesign(), HA.am, (s) => ({ ...s, replicaCount: 2 }));
    const [f] = fires('alertmanager-even-replicas', t, { includes: ['runs 2 replicas', 'Set replicaCount to 3'], fixable: true });
    expect(getComponent(applyFix(t, f!), HA.am)!.spec.replicaCount).toBe(3);
  });
  test('quiet for 3 and 1', () => {
    quiet('alertmanager-even-replicas', haDesign());
    quiet('alertmanager-even-replicas', edit(haDesign(), HA.am, (s) => ({ ...s, replicaCount: 1 })));
  });
});

describe('alertmanager-no-config', () => {
  test('fires without any config source, with no automatic fix', () => {
    fires('alertmanager-no-config', edit(haDesign(), HA.am, ({ configSecret: _c, ...s }) => s), { ids: [HA.am], includes: ['blackhole route'], fixable: false });
  });
  test('quiet with configSecret, configRawYaml or a config selector', () => {
    quiet('alertmanager-no-config', haDesign());
    quiet('alertmanager-no-config', edit(haDesign(), HA.am, ({ configSecret: _c, ...s }) => ({ ...s, configRawYaml: 'route: {receiver: x}' })));
    quiet('alertmanager-no-config', edit(haDesign(), HA.am, ({ configSecret: _c, ...s }) => ({ ...s, configSelector: {} })));
  });
});

describe('vmalert-remote-write-unbuffered', () => {
  test('fires for remoteWrite straight to vminsert, to a VMSingle, or to a URL naming a vminsert; no automatic fix', () => {
    fires('vmalert-remote-write-unbuffered', haDesign(), {
      ids: [HA.alert, HA.vminsert],
      includes: ["vmalert 'rules' remote-writes straight to vminsert of vmcluster 'main'", 'no on-disk queue', 'through a VMAgent with a persistent queue'],
      fixable: false,
    });
    const s = single('main', { storage: { resources: { requests: { storage: '20Gi' } } } });
    const al = alert('rules', { replicaCount: 2 });
    fires('vmalert-remote-write-unbuffered', design([s, al], [link('datasource', al.id, s.id), link('remoteWrite', al.id, s.id)]), { ids: [al.id, s.id] });
    const url = editLinks(
      haDesign(),
      (l) => l.source === HA.alert && l.type === 'remoteWrite',
      (l) => externalLink('remoteWrite', l.source, 'http://vminsert-main.monitoring.svc:8480/insert/0/prometheus'),
    );
    fires('vmalert-remote-write-unbuffered', url, { ids: [HA.alert, HA.cluster] });
  });
  test('quiet through a VMAgent, without remoteWrite, or to a URL outside the design', () => {
    const a = agent('buffer', { ingestOnlyMode: true, statefulMode: true });
    const viaAgent = editLinks(
      { ...haDesign(), components: [...haDesign().components, a] },
      (l) => l.source === HA.alert && l.type === 'remoteWrite',
      (l) => ({ ...l, id: 'remoteWrite-vmalert-rules-vmagent-buffer', target: a.id, tenant: undefined }),
    );
    quiet('vmalert-remote-write-unbuffered', viaAgent);
    quiet('vmalert-remote-write-unbuffered', withoutLinks(haDesign(), (l) => l.source === HA.alert && l.type === 'remoteWrite'));
    quiet(
      'vmalert-remote-write-unbuffered',
      editLinks(haDesign(), (l) => l.source === HA.alert && l.type === 'remoteWrite', (l) => externalLink('remoteWrite', l.source, 'https://remote.example.com/api/v1/write')),
    );
  });
});

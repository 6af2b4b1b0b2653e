import { describe, expect, it } from 'vitest';
import { namespaceOf } from '@vmtopo/model';
import type { Component, Topology } from '@vmtopo/model';
import { alert, alertmanager, design, link } from '@vmtopo/model/fixtures/build.ts';
import { importManifests } from './import.ts';
import { generatedSelector, selectorIsExact, selectorMatches } from './notifier.ts';
import { renderObjects } from './objects.ts';

/** Two alertmanagers with the same labels, one in the design's namespace, one in `apps`. */
function twins(): { t: Topology; home: Component; away: Component } {
  const home = alertmanager('home', { replicaCount: 3 }, { labels: { team: 'sre' } });
  const away = alertmanager('away', { replicaCount: 2 }, { labels: { team: 'sre' }, namespace: 'apps' });
  const rules = alert('rules');
  return { t: design([rules, home, away], [link('notifier', rules.id, home.id)]), home, away };
}

const matches = (t: Topology, selector: unknown) =>
  t.components.filter((c) => c.kind === 'VMAlertmanager' && selectorMatches(selector, c, namespaceOf(t, c))).map((c) => c.name);

describe('notifier selectors, as the operator evaluates them', () => {
  it('an unset namespaceSelector matches alertmanagers in every namespace, not only the VMAlert’s', () => {
    const { t } = twins();
    expect(matches(t, { labelSelector: { matchLabels: { team: 'sre' } } })).toEqual(['home', 'away']);
    expect(matches(t, { namespaceSelector: null, labelSelector: { matchLabels: { team: 'sre' } } })).toEqual(['home', 'away']);
    // No labelSelector either: every alertmanager the operator watches.
    expect(matches(t, {})).toEqual(['home', 'away']);
  });

  it('namespaceSelector.matchNames / any narrow it; an empty namespaceSelector matches none', () => {
    const { t } = twins();
    expect(matches(t, { namespaceSelector: { matchNames: ['apps'] }, labelSelector: { matchLabels: { team: 'sre' } } })).toEqual(['away']);
    expect(matches(t, { namespaceSelector: { any: true }, labelSelector: { matchLabels: { team: 'sre' } } })).toEqual(['home', 'away']);
    expect(matches(t, { namespaceSelector: {}, labelSelector: { matchLabels: { team: 'sre' } } })).toEqual([]);
    expect(matches(t, { labelSelector: { matchLabels: { team: 'other' } } })).toEqual([]);
  });

  it('the generated selector names its namespace, so same-labelled alertmanagers elsewhere do not make it inexact', () => {
    const { t, home, away } = twins();
    expect(generatedSelector(t, home)).toEqual({ namespaceSelector: { matchNames: ['monitoring'] }, labelSelector: { matchLabels: { team: 'sre' } } });
    expect(selectorIsExact(t, home)).toBe(true);
    expect(matches(t, generatedSelector(t, home))).toEqual(['home']);
    expect(matches(t, generatedSelector(t, away))).toEqual(['away']);
    const spec = renderObjects(t).find((o) => o.kind === 'VMAlert')!.spec as { notifiers: unknown[] };
    expect(spec.notifiers).toEqual([{ selector: generatedSelector(t, home) }]);
    // A twin in the same namespace does make it inexact: the pods are listed instead.
    const crowded = { ...t, components: t.components.map((c) => (c.id === away.id ? { ...c, namespace: undefined } : c)) };
    expect(selectorIsExact(crowded, home)).toBe(false);
  });

  it('import: a selector without namespaceSelector that matches alertmanagers in two namespaces stays external', () => {
    const yaml = `
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlertmanager
metadata: {name: home, namespace: monitoring, labels: {team: sre}}
spec: {replicaCount: 3}
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlertmanager
metadata: {name: away, namespace: apps, labels: {team: sre}}
spec: {replicaCount: 2}
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlert
metadata: {name: rules, namespace: monitoring}
spec:
  datasource: {url: "http://prometheus.example.com:9090"}
  notifiers:
    - selector:
        labelSelector: {matchLabels: {team: sre}}
`;
    const { topology, warnings } = importManifests(yaml);
    const notifier = topology.links.find((l) => l.type === 'notifier')!;
    expect(notifier.external).toEqual({ selector: { labelSelector: { matchLabels: { team: 'sre' } } } });
    expect(warnings.some((w) => w.includes('selector matches 2 alertmanagers of this design'))).toBe(true);
  });

  it('import: the same selector resolves to an alertmanager in another namespace when it is the only match', () => {
    const yaml = `
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlertmanager
metadata: {name: away, namespace: apps, labels: {team: sre}}
spec: {replicaCount: 2}
---
apiVersion: operator.victoriametrics.com/v1beta1
kind: VMAlert
metadata: {name: rules, namespace: monitoring}
spec:
  datasource: {url: "http://prometheus.example.com:9090"}
  notifiers:
    - selector:
        labelSelector: {matchLabels: {team: sre}}
`;
    const { topology } = importManifests(yaml);
    const notifier = topology.links.find((l) => l.type === 'notifier')!;
    expect(notifier).toMatchObject({ target: 'vmalertmanager-away', selector: { labelSelector: { matchLabels: { team: 'sre' } } } });
    // Rendered back exactly as written (no namespaceSelector added).
    const spec = renderObjects(topology).find((o) => o.kind === 'VMAlert')!.spec as { notifiers: unknown[] };
    expect(spec.notifiers).toEqual([{ selector: { labelSelector: { matchLabels: { team: 'sre' } } } }]);
  });
});

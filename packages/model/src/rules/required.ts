/**
 * Fields the CRDs require, which only a link can fill: without them `kubectl apply` refuses the
 * rendered object. Not HA rules, but a design that cannot be applied is the first thing to fix.
 */
import { linksFrom } from '../links.ts';
import { ofKind, named } from './context.ts';
import { type Finding, type Rule, finding } from './types.ts';

export const vmagentNoRemoteWrite: Rule = {
  id: 'vmagent-no-remote-write',
  severity: 'error',
  required: true,
  title: 'VMAgent without a remote write target',
  source: 'CRD VMAgent spec.required: [remoteWrite]; op:api/operator/v1beta1/vmagent_types.go Validate',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAgent')) {
      if (linksFrom(t, a.id, 'remoteWrite').length > 0) continue;
      out.push(
        finding(this, [a.id], `${named(t, a)} writes nowhere: the operator requires at least one remoteWrite URL. Connect it to a VMSingle, a vminsert or a VMAuth.`),
      );
    }
    return out;
  },
};

export const vmalertNoDatasource: Rule = {
  id: 'vmalert-no-datasource',
  severity: 'error',
  required: true,
  title: 'VMAlert without a datasource',
  source: 'CRD VMAlert spec.required: [datasource]; op:api/operator/v1beta1/vmalert_types.go Validate',
  check(t) {
    const out: Finding[] = [];
    for (const a of ofKind(t, 'VMAlert')) {
      if (linksFrom(t, a.id, 'datasource').length > 0) continue;
      out.push(
        finding(this, [a.id], `${named(t, a)} has no datasource to evaluate rules against: the operator requires one. Connect a VMSingle, a vmselect or a VMAuth to its datasource input.`),
      );
    }
    return out;
  },
};

export const requiredRules: Rule[] = [vmagentNoRemoteWrite, vmalertNoDatasource];

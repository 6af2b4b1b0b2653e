import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { unwrapHeredoc } from './yaml-input.ts';

const configMap = (script: string) => stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'setup' }, data: { 'run.sh': script } });
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);

describe('heredoc wrappers', () => {
  it('removes a cat <<EOF | kubectl apply wrapper around the input, keeping line numbers', () => {
    const body = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
    const { text, unwrapped } = unwrapHeredoc(`cat <<EOF | kubectl apply -f -\n${body}EOF\n`);
    expect(unwrapped).toBe(true);
    expect(text).toBe(`\n${body}\n`);
  });

  it('never deletes an EOF line inside a ConfigMap script', () => {
    const yaml = configMap('#!/bin/sh\ncat <<EOF > /etc/motd\nhello\nEOF\necho done\n');
    expect(yaml).toMatch(/^\s+EOF$/m);
    expect(unwrapHeredoc(yaml)).toEqual({ text: yaml, unwrapped: false });
    // Wrapped as a whole, the wrapper goes and the script stays.
    const wrapped = unwrapHeredoc(`cat <<'EOF' | kubectl apply -f -\n${yaml}EOF\n`);
    expect(wrapped.unwrapped).toBe(true);
    expect(docs(wrapped.text)).toEqual(docs(yaml));
  });

  it('leaves an unclosed wrapper as it is (the shell would not run it either)', () => {
    const text = 'cat <<EOF | kubectl apply -f -\napiVersion: v1\n';
    expect(unwrapHeredoc(text)).toEqual({ text, unwrapped: false });
  });

  it('any manifests: wrapped, they read back the same; unwrapped, they are left byte for byte (property)', { timeout: 60_000 }, () => {
    const scalar = fc.oneof(fc.string(), fc.constantFrom('EOF', 'cat <<EOF', '  EOF', 'EOF\n', 'cat <<EOF | kubectl apply -f -\nEOF'), fc.integer());
    const object = fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 4 });
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 3 }), fc.constantFrom('EOF', 'END'), (objects, word) => {
        const yaml = objects.map((o) => stringify(o)).join('---\n');
        expect(unwrapHeredoc(yaml)).toEqual({ text: yaml, unwrapped: false });
        const wrapped = unwrapHeredoc(`cat <<${word} | kubectl apply -f -\n${yaml}${word}\n`);
        expect(wrapped.unwrapped).toBe(true);
        expect(docs(wrapped.text)).toEqual(docs(yaml));
        expect(wrapped.text.split('\n')).toHaveLength(yaml.split('\n').length + 2);
      }),
      { numRuns: 200 },
    );
  });
});

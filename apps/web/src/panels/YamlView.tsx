import { useEffect, useRef } from 'react';
import { monaco } from '../monaco.ts';

const URI = monaco.Uri.parse('file:///design.yaml');

/** The rendered YAML in a read-only Monaco editor (loaded lazily with this module). */
export default function YamlView({ text }: { text: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    const model = monaco.editor.getModel(URI) ?? monaco.editor.createModel(text, 'yaml', URI);
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const theme = () => (document.documentElement.dataset.theme ?? (dark.matches ? 'dark' : 'light')) === 'dark' ? 'vs-dark' : 'vs';
    const ed = monaco.editor.create(host.current!, {
      model,
      readOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12.5,
      lineNumbersMinChars: 3,
      theme: theme(),
      ariaLabel: 'Rendered YAML',
      renderLineHighlight: 'none',
    });
    editor.current = ed;
    const onScheme = () => monaco.editor.setTheme(theme());
    dark.addEventListener('change', onScheme);
    const obs = new MutationObserver(onScheme);
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      dark.removeEventListener('change', onScheme);
      obs.disconnect();
      ed.dispose();
      editor.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const model = monaco.editor.getModel(URI);
    if (model && model.getValue() !== text) {
      const top = editor.current?.getScrollTop() ?? 0;
      model.setValue(text);
      editor.current?.setScrollTop(top);
    }
  }, [text]);

  return <div className="yaml-view" ref={host} data-testid="yaml-editor" />;
}

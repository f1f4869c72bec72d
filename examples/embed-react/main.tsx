/**
 * React 19 hosting the editor: the document is created once (a new document object would reset
 * the editor), the object and commit counts are React state updated from `annot-commit`, and
 * the language and theme are React-controlled props.
 */
import '@annotkit/elements';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { sampleDocument, sampleMedia } from '../embed-plain/sample.js';
import { AnnotEditorView } from './AnnotEditorView.js';

function App() {
  const document = useMemo(() => sampleDocument(), []);
  const media = useMemo(() => sampleMedia(), []);
  const [objects, setObjects] = useState(() => document.objects().length);
  const [commits, setCommits] = useState(0);
  const [selected, setSelected] = useState(0);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [locale, setLocale] = useState('en');
  const [dark, setDark] = useState(false);

  return (
    <div className={dark ? 'dark' : undefined}>
      <p>
        <label>
          Language{' '}
          <select id="lang" value={locale} onChange={(e) => setLocale(e.target.value)}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </label>{' '}
        <label>
          <input
            id="dark"
            type="checkbox"
            checked={dark}
            onChange={(e) => setDark(e.target.checked)}
          />{' '}
          dark
        </label>
      </p>
      <p id="status" data-loaded={loaded ?? undefined}>
        Objects: <output id="objects">{objects}</output> · commits:{' '}
        <output id="commits">{commits}</output> · selected:{' '}
        <output id="selected">{selected}</output>
      </p>
      <AnnotEditorView
        document={document}
        media={media}
        locale={locale}
        theme={dark ? 'dark' : 'light'}
        onCommit={(_detail, editor) => {
          setCommits((n) => n + 1);
          setObjects(editor.document?.objects().length ?? 0);
        }}
        onSelectionChange={(detail) => setSelected(detail.ids.length)}
        onFrameLoad={setLoaded}
      />
    </div>
  );
}

const root = window.document.getElementById('root');
if (!root) throw new Error('#root missing from the page');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

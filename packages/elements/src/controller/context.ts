/** The `@lit/context` key through which `<annot-editor>` provides its controller. */
import { createContext } from '@lit/context';
import type { EditorController } from './EditorController.js';

/** Context key of the editor controller; child elements consume it with `subscribe: true`. */
export const editorContext = createContext<EditorController | undefined>(
  Symbol('annotkit-editor-controller'),
);

/**
 * A typed React wrapper of `<annot-editor>`. React 19 handles custom elements itself: a prop
 * whose name is a property of the element (`document`, `media`, `locale`) is assigned as that
 * property, and a prop `on<event-name>` adds a listener for exactly `<event-name>`
 * (`onannot-commit` listens to `annot-commit`). The wrapper only adds types and camelCase
 * callback names; it needs no ref juggling.
 */
import type { AnnotationDocument } from '@annotkit/core';
import type {
  AnnotCommitDetail,
  AnnotEditor,
  AnnotSelectionChangeDetail,
  MediaItem,
} from '@annotkit/elements';
import type { DetailedHTMLProps, HTMLAttributes, Ref } from 'react';

/** Props React passes through to the element (properties and `on<event>` listeners). */
interface AnnotEditorElementProps extends DetailedHTMLProps<
  HTMLAttributes<AnnotEditor>,
  AnnotEditor
> {
  document?: AnnotationDocument | null;
  media?: readonly MediaItem[];
  locale?: string;
  theme?: 'light' | 'dark';
  'onannot-commit'?: (e: CustomEvent<AnnotCommitDetail>) => void;
  'onannot-selection-change'?: (e: CustomEvent<AnnotSelectionChangeDetail>) => void;
  'onannot-frame-load'?: (e: CustomEvent<{ readonly frame: number }>) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live here.
  namespace JSX {
    interface IntrinsicElements {
      'annot-editor': AnnotEditorElementProps;
    }
  }
}

/** Props of {@link AnnotEditorView}. */
export interface AnnotEditorViewProps {
  /** The document to edit; keep the same object between renders (a new one resets the editor). */
  readonly document: AnnotationDocument;
  /** Frame images by frame index. */
  readonly media: readonly MediaItem[];
  /** UI language. Defaults to `'en'`. */
  readonly locale?: string;
  /** Colour theme. Defaults to `'light'`. */
  readonly theme?: 'light' | 'dark';
  /** Called after every finished edit with the editor element (read its document there). */
  readonly onCommit?: (detail: AnnotCommitDetail, editor: AnnotEditor) => void;
  /** Called when the selection changes. */
  readonly onSelectionChange?: (detail: AnnotSelectionChangeDetail) => void;
  /** Called when the current frame's image is shown. */
  readonly onFrameLoad?: (frame: number) => void;
  /** The element itself, for imperative calls (`editor.controller`). */
  readonly editorRef?: Ref<AnnotEditor>;
}

/** `<annot-editor>` as a React component with typed props and callbacks. */
export function AnnotEditorView(props: AnnotEditorViewProps) {
  const { onCommit, onSelectionChange, onFrameLoad } = props;
  return (
    <annot-editor
      ref={props.editorRef}
      document={props.document}
      media={props.media}
      locale={props.locale ?? 'en'}
      theme={props.theme ?? 'light'}
      onannot-commit={(e) => onCommit?.(e.detail, e.currentTarget as AnnotEditor)}
      onannot-selection-change={(e) => onSelectionChange?.(e.detail)}
      onannot-frame-load={(e) => onFrameLoad?.(e.detail.frame)}
    />
  );
}

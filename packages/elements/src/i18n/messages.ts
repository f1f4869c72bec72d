/**
 * The one message catalog of the elements. Every UI string is a key here; English is the
 * reference and every other language must provide the same keys (the type checks it).
 * Placeholders are `{name}` and are filled by `formatMessage`.
 */

/** The English catalog (the reference: its keys are the message ids). */
export const EN = {
  'toolbar.label': 'Tools',
  'tool.select': 'Select',
  'tool.edit': 'Edit points',
  'tool.draw-rectangle': 'Rectangle',
  'tool.draw-rectangle-4': 'Rectangle by 4 points',
  'tool.draw-polygon': 'Polygon',
  'tool.draw-polyline': 'Polyline',
  'tool.draw-points': 'Points',
  'tool.draw-ellipse': 'Ellipse',
  'tool.draw-cuboid': 'Cuboid',
  'tool.draw-skeleton': 'Skeleton',
  'tool.brush': 'Mask brush',
  'tool.eraser': 'Mask eraser',
  'tool.join': 'Join',
  'tool.slice': 'Slice',
  'action.undo': 'Undo',
  'action.redo': 'Redo',
  'action.delete': 'Delete selected',
  'labels.label': 'Labels',
  'labels.none': 'No labels',
  'objects.label': 'Objects',
  'objects.empty': 'No objects on this frame',
  'objects.count': '{count} objects',
  'objects.sort': 'Sort by',
  'objects.sort.id': 'ID',
  'objects.sort.label': 'Label',
  'objects.sort.zOrder': 'Layer',
  'objects.lock': 'Lock',
  'objects.unlock': 'Unlock',
  'objects.hide': 'Hide',
  'objects.show': 'Show',
  'objects.occluded': 'Occluded',
  'objects.row': '{label} #{id}',
  'source.manual': 'manual',
  'source.auto': 'auto',
  'source.semi-auto': 'semi-auto',
  'source.file': 'file',
  'frames.label': 'Frames',
  'frames.first': 'First frame',
  'frames.prev': 'Previous frame',
  'frames.next': 'Next frame',
  'frames.last': 'Last frame',
  'frames.back': 'Back {step} frames',
  'frames.forward': 'Forward {step} frames',
  'frames.jump': 'Frame number',
  'frames.position': 'Frame {frame} of {count}',
  'attributes.label': 'Attributes',
  'attributes.none': 'Select an object to edit its attributes',
  'attributes.objectLabel': 'Label',
  'attributes.noAttributes': 'This label has no attributes',
  'editor.label': 'Annotation editor',
  'editor.canvas': 'Image canvas',
  'editor.noDocument': 'No document loaded',
  // --- panels (attribute mode, help, appearance, statistics) ---
  // --- filters and frames (filter builder, thumbnails, settings) ---
  // --- import/export and label schema ---
  // --- embedding and accessibility ---
} as const;

/** A message id. */
export type MessageId = keyof typeof EN;
/** A complete catalog for one language. */
export type Messages = { readonly [K in MessageId]: string };

/** The German catalog. */
export const DE: Messages = {
  'toolbar.label': 'Werkzeuge',
  'tool.select': 'Auswählen',
  'tool.edit': 'Punkte bearbeiten',
  'tool.draw-rectangle': 'Rechteck',
  'tool.draw-rectangle-4': 'Rechteck aus 4 Punkten',
  'tool.draw-polygon': 'Polygon',
  'tool.draw-polyline': 'Linienzug',
  'tool.draw-points': 'Punkte',
  'tool.draw-ellipse': 'Ellipse',
  'tool.draw-cuboid': 'Quader',
  'tool.draw-skeleton': 'Skelett',
  'tool.brush': 'Maskenpinsel',
  'tool.eraser': 'Maskenradierer',
  'tool.join': 'Vereinigen',
  'tool.slice': 'Zerschneiden',
  'action.undo': 'Rückgängig',
  'action.redo': 'Wiederholen',
  'action.delete': 'Auswahl löschen',
  'labels.label': 'Klassen',
  'labels.none': 'Keine Klassen',
  'objects.label': 'Objekte',
  'objects.empty': 'Keine Objekte in diesem Bild',
  'objects.count': '{count} Objekte',
  'objects.sort': 'Sortieren nach',
  'objects.sort.id': 'ID',
  'objects.sort.label': 'Klasse',
  'objects.sort.zOrder': 'Ebene',
  'objects.lock': 'Sperren',
  'objects.unlock': 'Entsperren',
  'objects.hide': 'Ausblenden',
  'objects.show': 'Einblenden',
  'objects.occluded': 'Verdeckt',
  'objects.row': '{label} #{id}',
  'source.manual': 'manuell',
  'source.auto': 'automatisch',
  'source.semi-auto': 'halbautomatisch',
  'source.file': 'Datei',
  'frames.label': 'Bilder',
  'frames.first': 'Erstes Bild',
  'frames.prev': 'Vorheriges Bild',
  'frames.next': 'Nächstes Bild',
  'frames.last': 'Letztes Bild',
  'frames.back': '{step} Bilder zurück',
  'frames.forward': '{step} Bilder vor',
  'frames.jump': 'Bildnummer',
  'frames.position': 'Bild {frame} von {count}',
  'attributes.label': 'Attribute',
  'attributes.none': 'Ein Objekt auswählen, um seine Attribute zu bearbeiten',
  'attributes.objectLabel': 'Klasse',
  'attributes.noAttributes': 'Diese Klasse hat keine Attribute',
  'editor.label': 'Annotationseditor',
  'editor.canvas': 'Bildfläche',
  'editor.noDocument': 'Kein Dokument geladen',
  // --- panels (attribute mode, help, appearance, statistics) ---
  // --- filters and frames (filter builder, thumbnails, settings) ---
  // --- import/export and label schema ---
  // --- embedding and accessibility ---
};

/** Catalogs by language tag. */
export const CATALOGS: { readonly [lang: string]: Messages } = { en: EN, de: DE };

/** Languages with a catalog. */
export const SUPPORTED_LANGUAGES: readonly string[] = Object.keys(CATALOGS);

/**
 * The catalog for a BCP 47 tag: an exact match, else its primary language (`de-AT` → `de`),
 * else English. Defaults to English for an empty tag.
 */
export function messagesFor(lang: string | undefined): Messages {
  if (!lang) return EN;
  const tag = lang.toLowerCase();
  if (Object.hasOwn(CATALOGS, tag)) return CATALOGS[tag]!;
  const primary = tag.split('-')[0]!;
  return Object.hasOwn(CATALOGS, primary) ? CATALOGS[primary]! : EN;
}

/** Fills `{name}` placeholders from `params`; unknown placeholders are left as they are. */
export function formatMessage(
  template: string,
  params: { readonly [name: string]: string | number } = {},
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

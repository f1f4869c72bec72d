/**
 * The formats worker of the editor demo (its import/export menu): `@annotkit/formats`'s worker
 * entry, bundled by the site build into `formats.worker.js` next to the page (see main.ts).
 */
import '@annotkit/formats/formats.worker';

/**
 * The formats worker of this page: `@annotkit/formats`'s worker entry, bundled by the site build
 * into `formats.worker.js` next to the page (see main.ts).
 */
import '@annotkit/formats/formats.worker';

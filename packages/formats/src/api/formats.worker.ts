/**
 * The module worker behind `createFormatsWorker()`: serves the built-in codecs off the page's
 * thread (see `exposeFormatsWorker` for hosts that add their own codecs).
 */
import { exposeFormatsWorker } from './serve.js';

exposeFormatsWorker();

/**
 * Mounts the Svelte 5 component that hosts the editor. The examples site compiles `.svelte`
 * files with `svelte/compiler` in a small esbuild plugin (scripts/site.mjs).
 */
import '@annotkit/elements';
import { mount } from 'svelte';
import { sampleDocument, sampleMedia } from '../embed-plain/sample.js';
import Editor from './Editor.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from the page');
mount(Editor, { target, props: { document: sampleDocument(), media: sampleMedia() } });

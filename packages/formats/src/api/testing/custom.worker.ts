/**
 * A host's own formats worker, for the tests of `exposeFormatsWorker`: the built-in codecs plus
 * a tiny "frame list" codec (one image name per line of `frames.txt`).
 */
import { CURRENT_SCHEMA_VERSION } from '@annotkit/core';
import type { Codec } from '../../codec/types.js';
import { codecs } from '../../registry.js';
import { exposeFormatsWorker } from '../serve.js';

const frameList: Codec = {
  id: 'test-frame-list',
  name: 'Frame list (test)',
  detect: async (tree) => (tree.has('frames.txt') ? 1 : 0),
  async import(tree) {
    const names = (await tree.readText('frames.txt')).split('\n').filter((l) => l.trim() !== '');
    return {
      document: {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        media: { kind: 'images', frames: names.map((name) => ({ name, width: 1, height: 1 })) },
        labels: [],
        objects: [],
        meta: {},
      },
      warnings: [],
    };
  },
  async export(document) {
    const text = document.media.frames.map((f) => `${f.name}\n`).join('');
    return { tree: new Map([['frames.txt', text]]), dropped: [] };
  },
};

exposeFormatsWorker([...codecs, frameList]);

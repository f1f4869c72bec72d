/**
 * Vue 3 hosting the editor. The template is compiled in the browser by Vue's full build (the
 * examples site aliases `vue` to it), which is where `compilerOptions.isCustomElement` applies;
 * with single-file components the same option goes to the Vue compiler in the bundler config.
 */
import '@annotkit/elements';
import type { AnnotCommitDetail, AnnotEditor } from '@annotkit/elements';
import { createApp, defineComponent, markRaw, ref } from 'vue';
import { sampleDocument, sampleMedia } from '../embed-plain/sample.js';

const App = defineComponent({
  setup() {
    // markRaw: Vue must not wrap the document or the canvases in reactive proxies; the editor
    // needs the real objects (identity, private fields) and tracks changes itself.
    const document = markRaw(sampleDocument());
    const media = markRaw(sampleMedia());
    const objects = ref(document.objects().length);
    const commits = ref(0);
    const loaded = ref<number | null>(null);
    const locale = ref('en');
    const onCommit = (e: CustomEvent<AnnotCommitDetail>): void => {
      commits.value++;
      objects.value = (e.currentTarget as AnnotEditor).document?.objects().length ?? 0;
    };
    const onFrameLoad = (e: CustomEvent<{ readonly frame: number }>): void => {
      loaded.value = e.detail.frame;
    };
    return { document, media, objects, commits, loaded, locale, onCommit, onFrameLoad };
  },
  template: `
    <p>
      <label>Language
        <select id="lang" v-model="locale">
          <option value="en">English</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
    </p>
    <p id="status" :data-loaded="loaded ?? undefined">
      Objects: <output id="objects">{{ objects }}</output> ·
      commits: <output id="commits">{{ commits }}</output>
    </p>
    <annot-editor
      :document.prop="document"
      :media.prop="media"
      :locale="locale"
      @annot-commit="onCommit"
      @annot-frame-load="onFrameLoad"
    ></annot-editor>
  `,
});

const app = createApp(App);
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('annot-');
app.mount('#app');

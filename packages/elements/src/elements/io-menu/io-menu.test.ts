import { expect } from 'chai';
import { objectId } from '@annotkit/core';
import type { AnnotationObject } from '@annotkit/core';
import { treeFromZip } from '@annotkit/formats';
import './io-menu.js';
import type { AnnotIoMenu } from './io-menu.component.js';
import { EditorController } from '../../controller/EditorController.js';
import type { AnnotExportDoneDetail, AnnotImportDoneDetail } from '../../events.js';
import { PERSON, box, settled, testDoc } from '../../testing/testData.js';

/** Resolves when `check` returns a value other than undefined (fails after `tries` polls). */
async function until<T>(check: () => T | undefined, tries = 3000): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = check();
    if (v !== undefined && v !== null && v !== false) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}

/** Two boxes plus a points shape (which COCO cannot hold). */
function docWithPoints() {
  const points: AnnotationObject = {
    ...box(3, 1, 10, 10, 5, 5, PERSON),
    geometry: { type: 'points', points: [10, 20, 30, 40] },
  } as AnnotationObject;
  return testDoc([box(1, 0, 50, 50, 100, 80), box(2, 0, 300, 200, 80, 60, PERSON), points]);
}

const q = <T extends Element>(el: AnnotIoMenu, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);

async function mount(c: EditorController): Promise<AnnotIoMenu> {
  const el = document.createElement('annot-io-menu');
  el.controller = c;
  document.body.appendChild(el);
  // The formats module loads on connect: wait for the format lists.
  await until(() => (q(el, '.export-format option') ? true : undefined));
  await settled(el);
  return el;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** Runs an export through the UI; intercepts the download link's click (no real download). */
async function exportVia(
  el: AnnotIoMenu,
  format: string,
): Promise<{ detail: AnnotExportDoneDetail; link: HTMLAnchorElement }> {
  let link: HTMLAnchorElement | undefined;
  const onClick = (e: MouseEvent) => {
    const target = e.composedPath()[0];
    if (target instanceof HTMLAnchorElement && target.download) {
      link = target;
      e.preventDefault();
    }
  };
  let detail: AnnotExportDoneDetail | undefined;
  const onDone = (e: CustomEvent<AnnotExportDoneDetail>) => {
    detail = e.detail;
  };
  document.addEventListener('click', onClick, { capture: true });
  document.addEventListener('annot-export-done', onDone);
  try {
    choose(q<HTMLSelectElement>(el, '.export-format')!, format);
    await settled(el);
    q<HTMLButtonElement>(el, '.export-button')!.click();
    await settled(el);
    const d = await until(() => detail);
    await settled(el);
    return { detail: d, link: link! };
  } finally {
    document.removeEventListener('click', onClick, { capture: true });
    document.removeEventListener('annot-export-done', onDone);
  }
}

async function importVia(el: AnnotIoMenu, file: File): Promise<void> {
  const input = q<HTMLInputElement>(el, 'input.files')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await until(() => q(el, '.confirm-import') ?? (q(el, '[role="alert"]') ? true : undefined));
  await settled(el);
}

describe('<annot-io-menu>', () => {
  it('exports to COCO and CVAT XML in the worker, with a download and the dropped report', async () => {
    const c = new EditorController({ document: docWithPoints() });
    const el = await mount(c);
    try {
      const names = [...el.shadowRoot!.querySelectorAll('.export-format option')].map((o) =>
        o.getAttribute('value'),
      );
      expect(names).to.include.members(['coco-1.0', 'cvat-images-1.1', 'yolo-1.1']);

      const coco = await exportVia(el, 'coco-1.0');
      expect(coco.detail.format).to.equal('coco-1.0');
      expect(coco.link.download).to.equal(coco.detail.fileName);
      expect(coco.link.href.startsWith('blob:')).to.equal(true);
      expect(coco.link.isConnected).to.equal(false);
      const tree = await treeFromZip(new Uint8Array(await coco.detail.blob.arrayBuffer()));
      const json = JSON.parse(await tree.readText('annotations/instances_default.json')) as {
        images: unknown[];
        annotations: { bbox: number[] }[];
        categories: { name: string }[];
      };
      expect(json.images).to.have.length(3);
      expect(json.annotations.map((a) => a.bbox)).to.deep.equal([
        [50, 50, 100, 80],
        [300, 200, 80, 60],
      ]);
      expect(json.categories.map((x) => x.name)).to.include.members(['car', 'person', 'road']);
      // The points shape is reported as dropped, as text, with its count and reason.
      const dropped = [...el.shadowRoot!.querySelectorAll('.dropped li')];
      const droppedReport = coco.detail.dropped.find((d) => d.count === 1)!;
      expect(droppedReport).to.not.equal(undefined);
      expect(dropped.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.include(
        `${droppedReport.what}: 1 — ${droppedReport.reason}`,
      );

      const cvat = await exportVia(el, 'cvat-images-1.1');
      const xmlTree = await treeFromZip(new Uint8Array(await cvat.detail.blob.arrayBuffer()));
      const xml = await xmlTree.readText('annotations.xml');
      expect(xml.match(/<box /g)).to.have.length(2);
      expect(xml.match(/<points /g)).to.have.length(1);
      expect(xml).to.contain('<name>car</name>');
      expect(el.shadowRoot!.querySelector('.dropped-none')).to.not.equal(null);
      // The object URL is revoked when the menu leaves the page.
      el.remove();
      const fetched = await fetch(cvat.link.href).then(
        () => 'ok',
        () => 'revoked',
      );
      expect(fetched).to.equal('revoked');
    } finally {
      el.remove();
    }
  });

  it('imports exports back after a confirm step (file input and drop)', async () => {
    const source = new EditorController({ document: docWithPoints() });
    const exporter = await mount(source);
    const coco = await exportVia(exporter, 'coco-1.0');
    const cvat = await exportVia(exporter, 'cvat-images-1.1');
    exporter.remove();

    const c = new EditorController({ document: testDoc([]) });
    const el = await mount(c);
    const done: AnnotImportDoneDetail[] = [];
    el.addEventListener('annot-import-done', (e) => done.push(e.detail));
    try {
      await importVia(el, new File([coco.detail.blob], 'coco.zip'));
      // Nothing changes before the user confirms.
      expect(c.document!.objects()).to.have.length(0);
      expect(q(el, '.confirm p')!.textContent).to.contain('2 objects');
      q<HTMLButtonElement>(el, '.confirm-import')!.click();
      await settled(el);
      expect(done.map((d) => d.format)).to.deep.equal(['coco-1.0']);
      const doc = c.document!;
      expect(doc.objects()).to.have.length(2);
      const labelName = (id: number) => doc.label(doc.object(objectId(id))!.label)!.name;
      expect(doc.objects().map((o) => labelName(o.id))).to.have.members(['car', 'person']);

      // CVAT XML through a drop onto the element: everything comes back, points included.
      const dt = new DataTransfer();
      dt.items.add(new File([cvat.detail.blob], 'cvat.zip'));
      el.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      await until(() => q(el, '.confirm-import'));
      await settled(el);
      q<HTMLButtonElement>(el, '.confirm-import')!.click();
      await settled(el);
      expect(done.map((d) => d.format)).to.deep.equal(['coco-1.0', 'cvat-images-1.1']);
      expect(
        c
          .document!.objects()
          .map((o) => (o.kind === 'shape' ? o.geometry.type : o.kind))
          .sort(),
      ).to.deep.equal(['points', 'rectangle', 'rectangle']);
      expect(c.document!.labels().map((l) => l.name)).to.include.members(['car', 'person']);
    } finally {
      el.remove();
    }
  });

  it('cancels a running import and keeps the document', async () => {
    const c = new EditorController({ document: testDoc() });
    const before = c.document;
    const el = await mount(c);
    try {
      const n = 60_000;
      const coco = JSON.stringify({
        images: [{ id: 1, file_name: 'a.jpg', width: 640, height: 480 }],
        categories: [{ id: 1, name: 'box', supercategory: '' }],
        annotations: Array.from({ length: n }, (_, i) => ({
          id: i + 1,
          image_id: 1,
          category_id: 1,
          bbox: [i % 600, i % 400, 20, 30],
          area: 600,
          iscrowd: 0,
          segmentation: [],
        })),
      });
      const running = el.import([new File([coco], 'instances_default.json')], 'coco-1.0');
      await settled(el);
      const bar = q(el, '[role="progressbar"]')!;
      expect(bar.getAttribute('aria-valuemin')).to.equal('0');
      q<HTMLButtonElement>(el, '.cancel')!.click();
      await running;
      await settled(el);
      expect(q(el, '[role="progressbar"]')).to.equal(null);
      expect(q(el, '.confirm-import')).to.equal(null);
      expect(q(el, '[role="alert"]')).to.equal(null);
      expect(q(el, '[role="status"]')!.textContent).to.contain('Cancelled');
      expect(c.document).to.equal(before);
      expect(c.document!.objects()).to.have.length(2);
    } finally {
      el.remove();
    }
  });

  it('shows a malformed file as text in an alert and keeps the document', async () => {
    const c = new EditorController({ document: testDoc(), lang: 'de' });
    const before = c.document;
    const el = await mount(c);
    try {
      choose(q<HTMLSelectElement>(el, '.import-format')!, 'cvat-images-1.1');
      await settled(el);
      const name = '<img src=x onerror=alert(1)>.xml';
      await importVia(
        el,
        new File(
          [
            '<?xml version="1.0"?>\n<annotations>\n  <version>1.1</version>\n' +
              '  <image id="0" name="a.png" width="10" height="10">\n</annotations>\n',
          ],
          name,
        ),
      );
      const alert = q<HTMLElement>(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain(name);
      expect(alert.textContent).to.match(/:\d/); // names the line
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(q(el, '.confirm-import')).to.equal(null);
      expect(c.document).to.equal(before);
      expect(q(el, '.export-button')!.textContent!.trim()).to.equal(
        'Exportieren und herunterladen',
      );
    } finally {
      el.remove();
    }
  });
});

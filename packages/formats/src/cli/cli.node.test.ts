// The annotkit CLI under Node's test runner, on the shared fixtures (read in place).
import { describe, it, before, after } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { codecs } from '../registry.js';
import { readInput } from '../node.js';
import { importDataset } from '../api/dataset.js';
import { PROGRESS_THRESHOLD, runCli } from './run.js';
import type { StatsReport } from './stats.js';

// The shared fixtures beside the repository (read in place, never copied), or $ANNOTKIT_FIXTURES.
const FIXTURES =
  process.env.ANNOTKIT_FIXTURES ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures/formats');
const fx = (p: string) => join(FIXTURES, p);
const IMAGES = fx('cvat_for_images/cvat-ai-datumaro/for_images');
const VIDEO = fx('cvat_for_video/cvat-ai-datumaro/for_video');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], tty = false): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    stderrIsTTY: tty,
    columns: 80,
  });
  return { code, out, err };
}

let tmp: string;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'annotkit-cli-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('annotkit: usage', () => {
  it('lists every format id and name', async () => {
    const r = await cli(['formats']);
    expect(r.code).to.equal(0);
    const lines = r.out.trim().split('\n');
    expect(lines.length).to.equal(codecs.length);
    for (const [i, c] of codecs.entries())
      expect(lines[i]).to.match(new RegExp(`^${c.id} +${c.name}$`));
  });

  it('prints the package version and help', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect((await cli(['--version'])).out.trim()).to.equal(pkg.version);
    const help = await cli(['--help']);
    expect(help.code).to.equal(0);
    expect(help.out).to.contain('convert <in> <out> --to <format>');
    expect((await cli(['help'])).code).to.equal(0);
  });

  it('exits 2 on usage errors with a hint', async () => {
    for (const args of [
      [],
      ['bogus'],
      ['detect'],
      ['detect', 'a', 'b'],
      ['stats', IMAGES, '--no-such-option'],
      ['convert', IMAGES, join(tmp, 'x')],
      ['convert', IMAGES, join(tmp, 'x'), '--to', 'not-a-format'],
      ['convert', IMAGES, join(tmp, 'x'), '--to', 'coco-1.0', '--from', 'nope'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.err, args.join(' ')).to.match(/annotkit/);
    }
  });
});

describe('annotkit detect', () => {
  const CASES: [string, string][] = [
    ['cvat_for_images/cvat-ai-datumaro/for_images', 'cvat-images-1.1'],
    ['cvat_for_video/cvat-ai-datumaro/for_video', 'cvat-video-1.1'],
    ['coco/cvat-ai-datumaro/coco_instances', 'coco-1.0'],
    ['coco/cvat-ai-datumaro/coco_person_keypoints', 'coco-keypoints-1.0'],
    ['coco/cvat-ai-datumaro/coco_captions', 'coco-1.0'],
    ['coco/cvat-ai-datumaro/coco_image_info', 'coco-1.0'],
    ['coco/cvat-ai-datumaro/coco_labels', 'coco-1.0'],
    ['coco/cvat-ai-datumaro/coco_panoptic', 'coco-1.0'],
    ['coco/cvat-ai-datumaro/coco_stuff', 'coco-1.0'],
    ['datumaro/cvat-ai-datumaro/diverse', 'datumaro-1.0'],
    ['datumaro/cvat-ai-datumaro/with_pcd', 'datumaro-1.0'],
    ['datumaro/cvat-ai-datumaro/with_skeleton', 'datumaro-1.0'],
    ['labelme_3.0/cvat-ai-datumaro/labelme_dataset', 'labelme-3.0'],
    ['pascal_voc/cvat-ai-datumaro/voc_dataset1', 'voc-1.1'],
    ['pascal_voc/cvat-ai-datumaro/voc_dataset2', 'voc-1.1'],
    ['pascal_voc/cvat-ai-datumaro/voc_dataset3', 'voc-1.1'],
    ['segmentation_mask/cvat-ai-datumaro/voc_dataset1', 'segmentation-mask-1.1'],
    ['segmentation_mask/cvat-ai-datumaro/voc_dataset2', 'segmentation-mask-1.1'],
    ['ultralytics_classify/cvat-ai-datumaro/yolov8_classification', 'ultralytics-classify-1.0'],
    ['ultralytics_detect/cvat-ai-datumaro/yolov8_detection', 'ultralytics-detect-1.0'],
    [
      'ultralytics_detect/cvat-ai-datumaro/yolov8_detection_with_list_of_imgs',
      'ultralytics-detect-1.0',
    ],
    [
      'ultralytics_detect/cvat-ai-datumaro/yolov8_detection_with_list_of_names',
      'ultralytics-detect-1.0',
    ],
    [
      'ultralytics_detect/cvat-ai-datumaro/yolov8_detection_with_subset_txt',
      'ultralytics-detect-1.0',
    ],
    ['ultralytics_detect/ultralytics-hub/coco8', 'ultralytics-detect-1.0'],
    ['ultralytics_obb/cvat-ai-datumaro/yolov8_oriented_boxes', 'ultralytics-obb-1.0'],
    ['ultralytics_obb/ultralytics-hub/dota8', 'ultralytics-obb-1.0'],
    ['ultralytics_pose/cvat-ai-datumaro/yolov8_pose', 'ultralytics-pose-1.0'],
    ['ultralytics_pose/cvat-ai-datumaro/yolov8_pose_two_values_per_point', 'ultralytics-pose-1.0'],
    ['ultralytics_pose/ultralytics-hub/coco8-pose', 'ultralytics-pose-1.0'],
    ['ultralytics_segment/cvat-ai-datumaro/yolov8_segmentation', 'ultralytics-segment-1.0'],
    ['ultralytics_segment/ultralytics-hub/coco8-seg', 'ultralytics-segment-1.0'],
    ['yolo_1.1/cvat-ai-datumaro/yolo', 'yolo-1.1'],
  ];

  it('recognises every fixture folder of the supported formats', async () => {
    for (const [dir, id] of CASES) {
      const r = await cli(['detect', fx(dir)]);
      expect(r.code, `${dir}: ${r.err}`).to.equal(0);
      expect(r.out.split('\n')[0].split('\t')[0], dir).to.equal(id);
    }
  });

  it('exits 1 when nothing matches', async () => {
    const dir = join(tmp, 'unknown');
    await mkdir(dir);
    await writeFile(join(dir, 'readme.txt'), 'hello');
    await writeFile(join(tmp, 'readme.txt'), 'hello');
    const r = await cli(['detect', join(tmp, 'readme.txt')]);
    expect(r.code).to.equal(1);
    expect(r.err).to.contain('no known dataset format');
    expect(r.out).to.equal('');
    const empty = await cli(['detect', dir]);
    expect(empty.code).to.equal(1);
    expect(empty.err).to.equal(`annotkit: ${dir}: no known dataset format recognised\n`);
  });
});

describe('annotkit convert', () => {
  it('converts CVAT XML to a COCO zip and back to a CVAT folder, keeping what COCO holds', async () => {
    const zip = join(tmp, 'coco.zip');
    const a = await cli(['convert', IMAGES, zip, '--to', 'coco-1.0']);
    expect(a.code, a.err).to.equal(0);
    expect(a.out).to.contain('(cvat-images-1.1) ->');
    // Polylines, skeletons and points cannot be COCO instances: reported, not silently lost.
    expect(a.err).to.match(/dropped: 1 polyline shapes: /);
    expect(a.err).to.match(/dropped: 2 skeleton shapes: /);
    expect(a.err).to.match(/dropped: 1 points shapes: /);
    expect((await readFile(zip)).subarray(0, 2).toString()).to.equal('PK');

    const back = join(tmp, 'back');
    const b = await cli(['convert', zip, back, '--to', 'cvat-images-1.1']);
    expect(b.code, b.err).to.equal(0);
    expect(await readdir(back)).to.deep.equal(['annotations.xml']);

    const s = await cli(['stats', back, '--json']);
    const stats = JSON.parse(s.out) as StatsReport;
    expect(stats.totals.shapes).to.deep.equal({ rectangle: 1, polygon: 1 });
    expect(stats.frames).to.equal(2);

    const orig = (await importDataset(await readInput(IMAGES))).document;
    const round = (await importDataset(await readInput(back))).document;
    const geom = (d: typeof orig, type: string) =>
      d.objects.flatMap((o) =>
        o.kind === 'shape' && o.geometry.type === type ? [o.geometry] : [],
      );
    expect(geom(round, 'rectangle')).to.deep.equal(geom(orig, 'rectangle'));
    expect(geom(round, 'polygon')).to.deep.equal(geom(orig, 'polygon'));
    expect(round.media.frames).to.deep.equal(orig.media.frames);
  });

  it('accepts a single annotation file and writes a zip or a folder', async () => {
    const out = join(tmp, 'dm');
    const r = await cli(['convert', join(IMAGES, 'train.xml'), out, '--to', 'datumaro-1.0']);
    expect(r.code, r.err).to.equal(0);
    const d = await readInput(out);
    expect(d.paths()).to.include('annotations/default.json');
    const again = await cli(['convert', out, join(tmp, 'dm.zip'), '--to', 'cvat-images-1.1']);
    expect(again.code, again.err).to.equal(0);
    expect((await cli(['detect', join(tmp, 'dm.zip')])).out).to.match(/^cvat-images-1\.1\t/);
  });

  it('converts CVAT video tracks to Ultralytics and reports the loss', async () => {
    const r = await cli(['convert', VIDEO, join(tmp, 'yolo'), '--to', 'ultralytics-detect-1.0']);
    expect(r.code, r.err).to.equal(0);
    expect(r.err).to.contain('dropped:');
    expect((await cli(['detect', join(tmp, 'yolo')])).out).to.match(/^ultralytics-detect-1\.0\t/);
  });
});

describe('annotkit validate and stats', () => {
  it('validates a fixture and prints warnings on stderr', async () => {
    const r = await cli(['validate', IMAGES]);
    expect(r.code).to.equal(0);
    expect(r.out).to.match(
      /^ok: .*CVAT for images 1\.1 \(cvat-images-1\.1\), 2 frames, 4 labels, 6 objects/,
    );
    expect(r.err).to.match(/^annotkit: warning: .*train\.xml: /m);
  });

  it('fails with exit 1 and one line naming file and line for malformed XML', async () => {
    const bad = join(tmp, 'bad.xml');
    const xml = (await readFile(join(IMAGES, 'train.xml'), 'utf8')).split('\n');
    xml.splice(20, 0, '<image id="9" name="x" width="1" height="1"><box label="label1"');
    await writeFile(bad, xml.join('\n'));
    const r = await cli(['validate', bad, '--format', 'cvat-images-1.1']);
    expect(r.code).to.equal(1);
    expect(r.out).to.equal('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines.length).to.equal(1);
    expect(lines[0]).to.match(new RegExp(`^annotkit: ${bad.replace(/[.]/g, '\\.')}:\\d+: .+`));
  });

  it('names the JSON path of a bad value inside a folder', async () => {
    const dir = join(tmp, 'badcoco');
    await cli(['convert', IMAGES, dir, '--to', 'coco-1.0']);
    const file = (await readInput(dir)).paths()[0];
    const text = await readFile(join(dir, file), 'utf8');
    await writeFile(join(dir, file), text.replace('"file_name":"img0.jpg"', '"file_name":5'));
    const r = await cli(['validate', dir]);
    expect(r.code).to.equal(1);
    expect(r.err.trimEnd()).to.equal(
      `annotkit: ${dir}/${file}: images[0].file_name: expected a string`,
    );
  });

  it('fails on a missing path and on a .zip that is not a zip', async () => {
    const missing = await cli(['stats', join(tmp, 'nope')]);
    expect(missing.code).to.equal(1);
    expect(missing.err).to.equal(`annotkit: ${join(tmp, 'nope')}: no such file or folder\n`);
    await writeFile(join(tmp, 'fake.zip'), 'not a zip');
    const fake = await cli(['validate', join(tmp, 'fake.zip')]);
    expect(fake.code).to.equal(1);
    expect(fake.err).to.match(/fake\.zip: not a zip archive\n$/);
  });

  it('prints per-label statistics of the CVAT video fixture', async () => {
    const r = await cli(['stats', VIDEO, '--json']);
    expect(r.code).to.equal(0);
    const s = JSON.parse(r.out) as StatsReport;
    expect(s).to.deep.include({ format: 'cvat-video-1.1', media: 'video', frames: 4 });
    expect(s.totals).to.deep.include({ labels: 4, objects: 4, tags: 0, shapes: {} });
    expect(s.totals.tracks).to.deep.equal({ rectangle: 1, polyline: 1, points: 1, skeleton: 1 });
    expect(s.labels.map((l) => [l.name, l.tracks])).to.deep.equal([
      ['klhg', { points: 1 }],
      ['z U k', {}],
      ['II', { rectangle: 1, polyline: 1 }],
      ['skeleton', { skeleton: 1 }],
    ]);
    const text = await cli(['stats', VIDEO]);
    expect(text.out).to.contain('tracks:  rectangle 1, polyline 1, points 1, skeleton 1');
    expect(text.out).to.contain('media:   video, 4 frames');
  });
});

describe('annotkit progress', () => {
  it('draws a bar on a terminal for large inputs only', async () => {
    const n = 12_000;
    const coco = {
      images: [{ id: 1, file_name: 'a.jpg', width: 1000, height: 1000 }],
      categories: [{ id: 1, name: 'thing', supercategory: '' }],
      annotations: Array.from({ length: n }, (_, i) => ({
        id: i + 1,
        image_id: 1,
        category_id: 1,
        bbox: [i % 900, (i * 7) % 900, 10.5, 20.25],
        area: 212.625,
        iscrowd: 0,
        segmentation: [[i % 900, 0, (i % 900) + 5, 5, i % 900, 10]],
      })),
    };
    const file = join(tmp, 'instances_default.json');
    await writeFile(file, JSON.stringify(coco));
    expect((await readFile(file)).length).to.be.greaterThan(PROGRESS_THRESHOLD);
    const tty = await cli(['validate', file, '--format', 'coco-1.0'], true);
    expect(tty.code, tty.err).to.equal(0);
    expect(tty.err).to.contain('\rimporting [');
    expect(tty.err).to.contain('100%');
    expect(tty.out).to.contain(`${n} objects`);
    const piped = await cli(['validate', file, '--format', 'coco-1.0'], false);
    expect(piped.err).to.not.contain('\r');
    const quiet = await cli(['validate', file, '--format', 'coco-1.0', '-q'], true);
    expect(quiet.err).to.not.contain('\r');
    const small = await cli(['validate', IMAGES], true);
    expect(small.err).to.not.contain('\r');
  });
});

describe('annotkit executable', () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));

  it('starts with a shebang', async () => {
    expect((await readFile(main, 'utf8')).split('\n')[0]).to.equal('#!/usr/bin/env node');
  });

  it('runs as a process with exit codes and one error line', () => {
    const node = (args: string[]) =>
      spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', main, ...args], {
        encoding: 'utf8',
      });
    const ok = node(['detect', IMAGES]);
    expect(ok.status, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/^cvat-images-1\.1\t0\.\d\d\tCVAT for images 1\.1\n/);
    const fail = node(['validate', join(tmp, 'missing.xml')]);
    expect(fail.status).to.equal(1);
    expect(fail.stderr).to.equal(`annotkit: ${join(tmp, 'missing.xml')}: no such file or folder\n`);
  });
});

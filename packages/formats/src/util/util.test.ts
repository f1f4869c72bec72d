import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '@annotkit/core';
import { imageSize } from './imageSize.js';
import { jsonErrorOffset, parseJsonSafe } from './json.js';
import { createLabelBuilder } from './labels.js';
import { decodeXmlEntities, escapeXml, parseXml, xmlAttr, xmlChildren } from './xml.js';

async function encoded(type: string, w: number, h: number): Promise<Uint8Array> {
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.fillStyle = '#c33';
  ctx.fillRect(0, 0, w, h);
  return new Uint8Array(await (await c.convertToBlob({ type, quality: 0.9 })).arrayBuffer());
}

describe('imageSize', () => {
  it('reads PNG, JPEG and WebP written by the browser', async () => {
    expect(imageSize(await encoded('image/png', 37, 21))).to.deep.equal({
      width: 37,
      height: 21,
      format: 'png',
    });
    expect(imageSize(await encoded('image/jpeg', 40, 13))).to.deep.equal({
      width: 40,
      height: 13,
      format: 'jpeg',
    });
    const webp = imageSize(await encoded('image/webp', 17, 9));
    expect(webp).to.deep.include({ width: 17, height: 9, format: 'webp' });
  });

  it('reads the fixtures', async () => {
    const jpg = new Uint8Array(
      await (
        await fetch('/__fixtures__/cvat_for_images/cvat-ai-datumaro/for_images/images/img0.jpg')
      ).arrayBuffer(),
    );
    expect(imageSize(jpg)).to.deep.equal({ width: 8, height: 8, format: 'jpeg' });
    const png = new Uint8Array(
      await (
        await fetch(
          '/__fixtures__/cvat_for_video/cvat-ai-datumaro/for_video/images/frame_000010.png',
        )
      ).arrayBuffer(),
    );
    expect(imageSize(png)).to.deep.equal({ width: 25, height: 20, format: 'png' });
  });

  it('reads GIF, BMP (incl. top-down), VP8L/VP8X WebP and TIFF in both byte orders', () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x2c, 0x01, 0xc8, 0x00, 0, 0]);
    expect(imageSize(gif)).to.deep.equal({ width: 300, height: 200, format: 'gif' });
    const bmp = new Uint8Array(30);
    const bv = new DataView(bmp.buffer);
    bmp.set([0x42, 0x4d]);
    bv.setUint32(14, 40, true);
    bv.setInt32(18, 64, true);
    bv.setInt32(22, -48, true);
    expect(imageSize(bmp)).to.deep.equal({ width: 64, height: 48, format: 'bmp' });
    const riff = (chunk: string, body: number[]) =>
      new Uint8Array([
        0x52,
        0x49,
        0x46,
        0x46,
        0,
        0,
        0,
        0,
        0x57,
        0x45,
        0x42,
        0x50,
        ...[...chunk].map((c) => c.charCodeAt(0)),
        0,
        0,
        0,
        0,
        ...body,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
      ]);
    // VP8L: signature 0x2f, then 14-bit width-1 and height-1.
    const w = 99;
    const h = 7;
    const bits = (w - 1) | ((h - 1) << 14);
    expect(
      imageSize(
        riff('VP8L', [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >> 24) & 255]),
      ),
    ).to.deep.equal({ width: 99, height: 7, format: 'webp' });
    // VP8X: flags (4 bytes), then 24-bit width-1 and height-1.
    expect(imageSize(riff('VP8X', [0, 0, 0, 0, 0x1f, 0x03, 0, 0x0f, 0, 0]))).to.deep.equal({
      width: 800,
      height: 16,
      format: 'webp',
    });
    const tiff = (le: boolean) => {
      const b = new Uint8Array(8 + 2 + 24 + 4);
      const v = new DataView(b.buffer);
      b.set(le ? [0x49, 0x49, 0x2a, 0] : [0x4d, 0x4d, 0, 0x2a]);
      v.setUint32(4, 8, le);
      v.setUint16(8, 2, le);
      v.setUint16(10, 256, le);
      v.setUint16(12, 3, le);
      v.setUint32(14, 1, le);
      v.setUint16(18, 640, le);
      v.setUint16(22, 257, le);
      v.setUint16(24, 4, le);
      v.setUint32(26, 1, le);
      v.setUint32(30, 480, le);
      return b;
    };
    expect(imageSize(tiff(true))).to.deep.equal({ width: 640, height: 480, format: 'tiff' });
    expect(imageSize(tiff(false))).to.deep.equal({ width: 640, height: 480, format: 'tiff' });
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const s = imageSize(b);
        return s === undefined || (s.width > 0 && s.height > 0);
      }),
    );
  });
});

describe('safe JSON', () => {
  it('bounds depth and drops prototype keys', () => {
    try {
      parseJsonSafe('['.repeat(100) + ']'.repeat(100), { file: 'x.json' });
      expect.fail('should throw');
    } catch (e) {
      expect(isAnnotkitError(e, 'limit')).to.equal(true);
    }
    const dropped: unknown[] = [];
    const v = parseJsonSafe('{"a":{"__proto__":{"x":1},"constructor":2,"b":3}}', {
      onDroppedKey: (p) => dropped.push(p),
    }) as { a: object };
    expect(Object.keys(v.a)).to.deep.equal(['b']);
    expect(dropped).to.deep.equal([
      ['a', '__proto__'],
      ['a', 'constructor'],
    ]);
    expect(() => parseJsonSafe('{"__proto__":1}', { forbiddenKeys: 'reject' })).to.throw(
      /forbidden key/,
    );
  });

  it('locates syntax errors', () => {
    expect(jsonErrorOffset('{"a": [1, 2,, 3]}')).to.equal(12);
    expect(jsonErrorOffset('{"a": 1}')).to.equal(8);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const t = JSON.stringify(v);
        return jsonErrorOffset(t) === t.length;
      }),
    );
  });
});

describe('safe XML', () => {
  it('decodes predefined and numeric entities only', () => {
    expect(decodeXmlEntities('&lt;a&gt; &amp; &#65;&#x42; &foo;')).to.equal('<a> & AB &foo;');
    fc.assert(fc.property(fc.string(), (s) => decodeXmlEntities(escapeXml(s)) === s));
  });

  it('keeps attributes apart from same-named children', () => {
    const root = parseXml(
      '<r><skeleton points="" label="a&amp;b"><points label="1"/></skeleton></r>',
      'r',
    );
    const sk = xmlChildren(root, 'skeleton')[0];
    expect(xmlAttr(sk, 'label')).to.equal('a&b');
    expect(xmlChildren(sk, 'points').length).to.equal(1);
  });
});

describe('label builder', () => {
  it('creates undeclared labels and attributes with aggregated warnings', () => {
    const b = createLabelBuilder();
    const car = b.declare('car', { type: 'rectangle' });
    b.label('car');
    b.label('bus');
    b.label('bus');
    b.attribute(car, 'parked', true);
    const labels = b.build();
    expect(labels.map((l) => [l.id, l.name, l.type])).to.deep.equal([
      [1, 'car', 'rectangle'],
      [2, 'bus', 'any'],
    ]);
    expect(labels[0].attributes[0]).to.deep.equal({
      id: 1,
      name: 'parked',
      inputType: 'checkbox',
      mutable: false,
      values: ['false', 'true'],
      default: 'false',
    });
    expect(b.warnings.list().map((w) => [w.code, w.count])).to.deep.equal([
      ['label-created', 1],
      ['attribute-created', 1],
    ]);
  });
});

import { expect } from 'chai';
import fc from 'fast-check';
import { isAnnotkitError } from '@annotkit/core';
import { checkXmlStructure } from './xmlStructure.js';
import { parseXml } from './xml.js';

function lineOfError(text: string, maxDepth = 64): number | undefined {
  try {
    checkXmlStructure(text, 'a.xml', maxDepth);
  } catch (e) {
    expect(isAnnotkitError(e), String(e)).to.equal(true);
    expect((e as { file?: string }).file).to.equal('a.xml');
    return (e as { line?: number }).line;
  }
  return undefined;
}

describe('checkXmlStructure', () => {
  it('accepts well-formed documents with comments, CDATA, PIs, DOCTYPE and self-closing tags', () => {
    const ok = [
      '<a/>',
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- c -->\n<a x="1" y=\'2\'>\n  <b/>\n  <c>t</c>\n</a>\n',
      '<!DOCTYPE a [<!ELEMENT a ANY>]><a><![CDATA[<not-a-tag>]]></a>',
      '<a><b  x = "1"  /><b\n x="&amp;"></b ></a>',
    ];
    for (const t of ok) expect(lineOfError(t), t).to.equal(undefined);
  });

  it('names the line of each kind of structural error', () => {
    const cases: [string, number][] = [
      ['<a>\n<b>\n</a>', 3], // mismatched end tag
      ['<a>\n<b x="1">\n</b>', 1], // root never closed (truncated file)
      ['<a>\n</a>\n<b/>', 3], // second root
      ['<a>\n<b x=1/>\n</a>', 2], // unquoted value
      ['<a>\n<b x/>\n</a>', 2], // attribute without value
      ['<a>\n<b x="1"y="2"/>\n</a>', 2], // no space between attributes
      ['<a>\n<!-- never closed\n</a>', 2],
      ['<a>\n<b x="<"/>\n</a>', 2],
      ['<a></a>\ntrailing', 2],
      ['x<a/>', 1],
      ['<a>\n</b>\n</a>', 2],
      ['<a>\n<b x="1"', 2],
      ['', 1],
    ];
    for (const [t, line] of cases) expect(lineOfError(t), JSON.stringify(t)).to.equal(line);
  });

  it('bounds nesting depth with a limit error', () => {
    try {
      checkXmlStructure('<a><a><a></a></a></a>', undefined, 2);
      expect.fail('should throw');
    } catch (e) {
      expect(isAnnotkitError(e, 'limit'), String(e)).to.equal(true);
    }
  });

  it('property: generated documents pass, and every truncation inside the root fails', () => {
    const name = fc.constantFrom('a', 'box', 'image', 'x-y', 'ns:t');
    const value = fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&"]/g, '_'));
    type El = { name: string; attrs: [string, string][]; kids: El[]; text: string };
    const elAt = (depth: number): fc.Arbitrary<El> =>
      fc.record({
        name,
        attrs: fc.array(fc.tuple(fc.constantFrom('p', 'q', 'label'), value), { maxLength: 2 }),
        kids: depth === 0 ? fc.constant([]) : fc.array(elAt(depth - 1), { maxLength: 3 }),
        text: fc.constantFrom('', 'text', ' 1.5 '),
      });
    const el = elAt(3);
    const write = (e: El): string => {
      const seen = new Set<string>();
      const attrs = e.attrs
        .filter(([k]) => !seen.has(k) && seen.add(k) !== undefined)
        .map(([k, v]) => ` ${k}="${v}"`)
        .join('');
      if (e.kids.length === 0 && e.text === '') return `<${e.name}${attrs}/>`;
      return `<${e.name}${attrs}>${e.text}\n${e.kids.map(write).join('\n')}</${e.name}>`;
    };
    fc.assert(
      fc.property(el, fc.nat(), (root, cut) => {
        const text = `<?xml version="1.0"?>\n${write(root)}\n`;
        expect(lineOfError(text)).to.equal(undefined);
        const body = text.indexOf('<', 2 + text.indexOf('?>'));
        const end = text.lastIndexOf('>') + 1;
        if (end - body < 2) return;
        const at = body + 1 + (cut % (end - body - 1));
        expect(lineOfError(text.slice(0, at)), text.slice(0, at)).to.be.a('number');
      }),
      { numRuns: 300 },
    );
  });

  it('parseXml rejects a truncated file that the bare parser would accept', () => {
    const text = '<annotations>\n  <image id="0" name="a" width="1" height="1">\n';
    try {
      parseXml(text, 'annotations', { file: 'annotations.xml' });
      expect.fail('should throw');
    } catch (e) {
      expect(isAnnotkitError(e, 'parse'), String(e)).to.equal(true);
      expect((e as Error).message).to.include('never closed');
      expect((e as { line?: number }).line).to.equal(2);
    }
  });
});

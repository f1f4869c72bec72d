/**
 * CVAT XML `<meta>`: the label schema (incl. attribute specs and skeleton templates) in and out.
 * The skeleton SVG is read only for its `data-*` attributes and circle positions with a regular
 * expression over the tag text: it is never parsed or inserted as HTML.
 */
import type { AttributeInputType, Label, LabelType } from '@annotkit/core';
import type {
  AttributeInit,
  LabelBuilder,
  LabelDraft,
  WarningCollector,
} from '../../util/labels.js';
import { escapeXml, escapeXmlText, xmlChild, xmlChildren, xmlChildText } from '../../util/xml.js';
import type { XmlNode } from '../../util/xml.js';

const INPUT_TYPES: ReadonlySet<string> = new Set(['select', 'radio', 'checkbox', 'number', 'text']);

/** CVAT label type names ⇄ ours. CVAT writes `rectangle`; older files and docs say `bbox`. */
export function labelTypeFromCvat(t: string | undefined): LabelType {
  switch (t) {
    case undefined:
    case '':
    case 'any':
      return 'any';
    case 'bbox':
    case 'rectangle':
      return 'rectangle';
    case 'tag':
    case 'polygon':
    case 'polyline':
    case 'points':
    case 'ellipse':
    case 'cuboid':
    case 'mask':
    case 'skeleton':
      return t;
    default:
      return 'any';
  }
}

/**
 * Turns a CVAT attribute declaration into a spec that core accepts: values split on newlines
 * (old files separate them with spaces), checkbox values normalised, select/radio defaults that
 * are not among the values added to them, and number specs that are not `[min, max, step]`
 * turned into text (with a warning).
 */
export function normalizeAttributeSpec(
  name: string,
  inputTypeRaw: string,
  mutable: boolean,
  valuesRaw: string,
  defaultRaw: string,
  warnings: WarningCollector,
  file: string | undefined,
): AttributeInit {
  let inputType = (INPUT_TYPES.has(inputTypeRaw) ? inputTypeRaw : 'text') as AttributeInputType;
  if (!INPUT_TYPES.has(inputTypeRaw)) {
    warnings.add(
      'attribute-spec',
      `attribute "${name}": unknown input type "${inputTypeRaw}", read as text`,
      { file },
    );
  }
  let values = valuesRaw.includes('\n')
    ? valuesRaw.split('\n').map((v) => v.trim())
    : valuesRaw === ''
      ? []
      : [valuesRaw];
  if (!valuesRaw.includes('\n') && inputType !== 'text' && defaultRaw !== valuesRaw) {
    const ws = valuesRaw.split(/\s+/).filter((v) => v !== '');
    if (ws.length > 1) values = ws;
  }
  let dflt = defaultRaw;
  if (inputType === 'checkbox') {
    values = ['false', 'true'];
    dflt = dflt.toLowerCase() === 'true' ? 'true' : 'false';
  } else if (inputType === 'select' || inputType === 'radio') {
    values = values.filter((v) => v !== '');
    if (values.length === 0 && dflt === '') {
      inputType = 'text';
    } else if (!values.includes(dflt)) {
      if (dflt === '') dflt = values[0];
      else values.push(dflt);
    }
  } else if (inputType === 'number') {
    const [min, max, step] = values.map(Number);
    const d = Number(dflt);
    const ok =
      values.length === 3 &&
      Number.isFinite(min) &&
      Number.isFinite(max) &&
      Number.isFinite(step) &&
      min <= max &&
      step > 0 &&
      dflt.trim() !== '' &&
      d >= min &&
      d <= max;
    if (!ok) {
      warnings.add(
        'attribute-spec',
        `number attribute "${name}" has values "${values.join(' ')}" that are not min, max, step around its default; read as text`,
        { file },
      );
      inputType = 'text';
    }
  }
  return { name, inputType, mutable, values, default: dflt };
}

interface SvgNode {
  readonly nodeId: string;
  readonly labelName: string;
  readonly cx: number;
  readonly cy: number;
}

/** Reads node order, names, positions and edges from a CVAT skeleton SVG template. */
export function parseSkeletonSvg(svg: string): {
  nodes: SvgNode[];
  edges: [string, string][];
} {
  const nodes: SvgNode[] = [];
  const edges: [string, string][] = [];
  const tagRe = /<(line|circle)\b([^>]*)>/g;
  for (let m = tagRe.exec(svg); m !== null; m = tagRe.exec(svg)) {
    const attrs = new Map<string, string>();
    const attrRe = /([\w:-]+)\s*=\s*"([^"]*)"/g;
    for (let a = attrRe.exec(m[2]); a !== null; a = attrRe.exec(m[2])) attrs.set(a[1], a[2]);
    if (m[1] === 'circle' && (attrs.get('data-type') ?? '').includes('node')) {
      nodes.push({
        nodeId: attrs.get('data-node-id') ?? String(nodes.length + 1),
        labelName: attrs.get('data-label-name') ?? '',
        cx: Number(attrs.get('cx') ?? 'NaN'),
        cy: Number(attrs.get('cy') ?? 'NaN'),
      });
    } else if (m[1] === 'line' && attrs.get('data-type') === 'edge') {
      const from = attrs.get('data-node-from');
      const to = attrs.get('data-node-to');
      if (from !== undefined && to !== undefined) edges.push([from, to]);
    }
  }
  return { nodes, edges };
}

/** Declares every label of `<meta>` (task, job or project) in the builder. */
export function readCvatLabels(
  meta: XmlNode | undefined,
  builder: LabelBuilder,
  file: string | undefined,
): void {
  const holder = xmlChild(meta, 'task') ?? xmlChild(meta, 'job') ?? xmlChild(meta, 'project');
  const labelNodes = xmlChildren(xmlChild(holder, 'labels'), 'label');
  const children = new Map<string, XmlNode[]>();
  const parents: XmlNode[] = [];
  for (const l of labelNodes) {
    const parent = xmlChildText(l, 'parent');
    if (parent !== undefined && parent !== '') {
      const list = children.get(parent) ?? [];
      list.push(l);
      children.set(parent, list);
    } else parents.push(l);
  }
  const readAttrs = (l: XmlNode): AttributeInit[] =>
    xmlChildren(xmlChild(l, 'attributes'), 'attribute').map((a) =>
      normalizeAttributeSpec(
        xmlChildText(a, 'name') ?? '',
        xmlChildText(a, 'input_type') ?? 'text',
        (xmlChildText(a, 'mutable') ?? 'False').toLowerCase() === 'true',
        xmlChildText(a, 'values') ?? '',
        xmlChildText(a, 'default_value') ?? '',
        builder.warnings,
        file,
      ),
    );
  for (const l of parents) {
    const name = xmlChildText(l, 'name') ?? '';
    if (name === '') continue;
    const color = xmlChildText(l, 'color');
    const d = builder.declare(name, {
      color: color && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : undefined,
      type: labelTypeFromCvat(xmlChildText(l, 'type')),
    });
    for (const a of readAttrs(l)) if (a.name !== '') builder.declareAttribute(d, a);
    const subs = children.get(name) ?? [];
    const svg = xmlChildText(l, 'svg') ?? '';
    const parsed = parseSkeletonSvg(svg);
    const subByName = new Map(subs.map((s) => [xmlChildText(s, 'name') ?? '', s]));
    const order = [
      ...parsed.nodes.map((n) => n.labelName).filter((n) => subByName.has(n)),
      ...[...subByName.keys()].filter((n) => !parsed.nodes.some((p) => p.labelName === n)),
    ];
    for (const subName of order) {
      const s = subByName.get(subName) as XmlNode;
      const sc = xmlChildText(s, 'color');
      const sd = builder.declareSublabel(d, subName, {
        color: sc && /^#[0-9a-fA-F]{6}$/.test(sc) ? sc.toLowerCase() : undefined,
      });
      const node = parsed.nodes.find((n) => n.labelName === subName);
      if (node && Number.isFinite(node.cx) && Number.isFinite(node.cy)) {
        sd.position = [node.cx / 100, node.cy / 100];
      }
      for (const a of readAttrs(s)) if (a.name !== '') builder.declareAttribute(sd, a);
    }
    const byNode = new Map(parsed.nodes.map((n) => [n.nodeId, d.subByName.get(n.labelName)]));
    for (const [from, to] of parsed.edges) {
      const a = byNode.get(from);
      const b = byNode.get(to);
      if (a && b && a !== b) d.edges.push([a.id, b.id]);
    }
    if (d.type === 'any' && d.sublabels.length > 0) d.type = 'skeleton';
  }
  for (const [parent] of children) {
    if (!parents.some((p) => xmlChildText(p, 'name') === parent)) {
      builder.warnings.add(
        'label-orphan',
        `sublabels of "${parent}" have no parent label; ignored`,
        { file },
      );
    }
  }
}

/** Declared labels as `<labels>` XML, indented for `<task>` (8 spaces). */
export function writeCvatLabels(labels: readonly Label[], out: string[]): void {
  const ind = '        ';
  out.push('      <labels>\n');
  const attrs = (specs: Label['attributes']) => {
    out.push(`${ind}  <attributes>\n`);
    for (const a of specs) {
      out.push(
        `${ind}    <attribute>\n`,
        `${ind}      <name>${escapeXmlText(a.name)}</name>\n`,
        `${ind}      <mutable>${a.mutable ? 'True' : 'False'}</mutable>\n`,
        `${ind}      <input_type>${a.inputType}</input_type>\n`,
        `${ind}      <default_value>${escapeXmlText(a.default)}</default_value>\n`,
        `${ind}      <values>${escapeXmlText(a.values.join('\n'))}</values>\n`,
        `${ind}    </attribute>\n`,
      );
    }
    out.push(`${ind}  </attributes>\n`);
  };
  for (const l of labels) {
    out.push(`${ind}<label>\n`, `${ind}  <name>${escapeXmlText(l.name)}</name>\n`);
    out.push(`${ind}  <color>${l.color}</color>\n`, `${ind}  <type>${l.type}</type>\n`);
    attrs(l.attributes);
    if (l.type === 'skeleton' && l.sublabels) {
      out.push(`${ind}  <svg>${escapeXmlText(skeletonSvg(l))}</svg>\n`);
    }
    out.push(`${ind}</label>\n`);
    for (const s of l.sublabels ?? []) {
      out.push(`${ind}<label>\n`, `${ind}  <name>${escapeXmlText(s.name)}</name>\n`);
      out.push(`${ind}  <color>${s.color}</color>\n`, `${ind}  <type>points</type>\n`);
      attrs(s.attributes);
      out.push(`${ind}  <parent>${escapeXmlText(l.name)}</parent>\n`, `${ind}</label>\n`);
    }
  }
  out.push('      </labels>\n');
}

/** The SVG template CVAT stores for a skeleton label (node ids are 1-based). */
export function skeletonSvg(l: Label): string {
  const subs = l.sublabels ?? [];
  const pos = subs.map((s, i): readonly [number, number] => {
    if (s.position) return [s.position[0] * 100, s.position[1] * 100];
    const a = (2 * Math.PI * i) / Math.max(1, subs.length);
    return [50 + 35 * Math.cos(a), 50 + 35 * Math.sin(a)];
  });
  const index = new Map(subs.map((s, i) => [s.id as number, i]));
  let svg = '';
  for (const [a, b] of l.edges ?? []) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    svg +=
      `<line x1="${pos[i][0]}" y1="${pos[i][1]}" x2="${pos[j][0]}" y2="${pos[j][1]}" ` +
      `stroke="black" data-type="edge" data-node-from="${i + 1}" stroke-width="0.5" data-node-to="${j + 1}"></line>`;
  }
  subs.forEach((s, i) => {
    svg +=
      `<circle r="1.5" stroke="black" fill="#b3b3b3" cx="${pos[i][0]}" cy="${pos[i][1]}" stroke-width="0.1" ` +
      `data-type="element node" data-element-id="${i + 1}" data-node-id="${i + 1}" data-label-name="${escapeXml(s.name)}"></circle>`;
  });
  return svg;
}

/** Ensures a label may hold `type`; widens a declared other type to `any` with a warning. */
export function allowShapeType(
  d: LabelDraft,
  type: LabelType,
  warnings: WarningCollector,
  file: string | undefined,
): void {
  if (d.type === type) return;
  if (type === 'skeleton') {
    if (d.type === 'any' && d.sublabels.length === 0) d.type = 'skeleton';
    return;
  }
  if (d.type === 'any' && type !== 'tag') return;
  if (type === 'tag' && (d.type === 'any' || d.type === 'tag')) return;
  if (d.type === 'skeleton') return;
  warnings.add(
    'label-type-widened',
    `label "${d.name}" is declared as ${d.type} but holds ${type}; its type became "any"`,
    { file },
  );
  d.type = 'any';
}

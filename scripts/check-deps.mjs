// Fails on any import edge that is not in the dependency graph of DESIGN.md (scripts/dep-graph.mjs):
// workspace packages importing packages they must not, relative imports escaping a package,
// deep imports past a package's exports map, heavy modules imported statically outside their
// owner, undeclared third-party imports, Node built-ins in browser code, and package.json
// dependencies that the graph does not allow. "Shipped" files are those reachable from an entry of
// the package's exports map; the others (tests and test helpers) may use root devDependencies. Usage: `node scripts/check-deps.mjs [root]`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  allowedPackageEdges,
  heavyModuleOf,
  nodeBuiltinPolicy,
  noThirdPartyPackages,
  packageNameOf,
  scope,
} from './dep-graph.mjs';

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.tsbuild', '.build', 'site']);
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Lists files under `dir` (recursively) whose names match `re`. */
function listFiles(dir, re, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) listFiles(p, re, out);
    else if (re.test(name)) out.push(p);
  }
  return out;
}

/**
 * Every module specifier in a JS/TS source text, with its kind:
 * `static` (import/export/require), `dynamic` (`import()`), `type` (erased at runtime) or
 * `asset` (`new URL('./x', import.meta.url)`). A dynamic import of a non-literal is reported with
 * `specifier: undefined`.
 */
export function extractImports(fileName, text) {
  const kind = /\.(js|mjs|cjs)$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const edges = [];
  const add = (node, specifier, edgeKind) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    edges.push({ specifier, kind: edgeKind, line });
  };
  const literal = (n) => (n && ts.isStringLiteralLike(n) ? n.text : undefined);
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      let typeOnly = Boolean(clause?.isTypeOnly);
      if (clause && !typeOnly && !clause.name && clause.namedBindings) {
        const nb = clause.namedBindings;
        typeOnly =
          ts.isNamedImports(nb) && nb.elements.length > 0 && nb.elements.every((e) => e.isTypeOnly);
      }
      add(node, literal(node.moduleSpecifier), typeOnly ? 'type' : 'static');
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      let typeOnly = node.isTypeOnly;
      const ec = node.exportClause;
      if (!typeOnly && ec && ts.isNamedExports(ec) && ec.elements.length > 0) {
        typeOnly = ec.elements.every((e) => e.isTypeOnly);
      }
      add(node, literal(node.moduleSpecifier), typeOnly ? 'type' : 'static');
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node, literal(node.moduleReference.expression), node.isTypeOnly ? 'type' : 'static');
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(node, literal(arg.literal), 'type');
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        add(node, literal(node.arguments[0]), 'dynamic');
      } else if (
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require' &&
        node.arguments.length === 1 &&
        literal(node.arguments[0]) !== undefined
      ) {
        add(node, literal(node.arguments[0]), 'static');
      }
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'URL' &&
      node.arguments?.length === 2 &&
      node.arguments[1].getText(sf) === 'import.meta.url'
    ) {
      const spec = literal(node.arguments[0]);
      if (spec !== undefined) add(node, spec, 'asset');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

/** Module scripts of an HTML page: `src` attributes and inline bodies (parsed as JS). */
function extractHtmlImports(fileName, text) {
  const edges = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = text.slice(0, m.index).split('\n').length;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[1]);
    if (src) edges.push({ specifier: src[1], kind: 'static', line });
    else if (m[2].trim()) {
      for (const e of extractImports(`${fileName}.mjs`, m[2])) {
        edges.push({ ...e, line: line + e.line - 1 });
      }
    }
  }
  return edges;
}

/** Maps a relative specifier to the source file it names (`./x.js` → `./x.ts`). */
function resolveSource(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), base];
  candidates.push(`${base}.ts`, join(base, 'index.ts'));
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Source files of a package's entry points: `main` for `"."`, `all` for every subpath, read from
 * the `source` condition of the exports map (`src/index.ts` when there is none).
 */
function sourceEntries(manifest, pkgDir) {
  const fallback = join(pkgDir, 'src/index.ts');
  const exp = manifest.exports;
  if (!exp || typeof exp !== 'object') return { main: fallback, all: [fallback] };
  const sourceOf = (v) =>
    typeof v === 'object' && v && typeof v.source === 'string' ? v.source : undefined;
  const main = sourceOf(exp['.']);
  const all = Object.values(exp)
    .map(sourceOf)
    .filter(Boolean)
    .map((s) => resolve(pkgDir, s));
  const mainFile = main ? resolve(pkgDir, main) : fallback;
  return { main: mainFile, all: all.length > 0 ? all : [mainFile] };
}

/** Files reachable from `entry` through static, non-type relative imports. */
function reachableFromEntry(entry, edgesOf) {
  const seen = new Set();
  const stack = existsSync(entry) ? [entry] : [];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const e of edgesOf.get(file) ?? []) {
      if (e.kind !== 'static' || !e.specifier?.startsWith('.')) continue;
      const target = resolveSource(file, e.specifier);
      if (target) stack.push(target);
    }
  }
  return seen;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const runtimeDepFields = ['dependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Checks a repository tree. Returns `{ violations, files, edges }` where each violation is
 * `{ file, line, message }` with `file` relative to `root`.
 */
export function checkDeps(root) {
  const violations = [];
  let fileCount = 0;
  let edgeCount = 0;
  const report = (file, line, message) =>
    violations.push({ file: relative(root, file).split(sep).join('/'), line, message });
  const rootPkgFile = join(root, 'package.json');
  const rootPkg = existsSync(rootPkgFile) ? readJson(rootPkgFile) : {};
  const rootDevDeps = new Set(Object.keys({ ...rootPkg.dependencies, ...rootPkg.devDependencies }));

  const pkgsDir = join(root, 'packages');
  const pkgFolders = existsSync(pkgsDir)
    ? readdirSync(pkgsDir).filter((n) => statSync(join(pkgsDir, n)).isDirectory())
    : [];
  /** Public subpaths (`'./node'`) of each workspace package, from its exports map. */
  const subpaths = new Map();
  for (const pkg of pkgFolders) {
    const file = join(pkgsDir, pkg, 'package.json');
    const exp = existsSync(file) ? readJson(file).exports : undefined;
    const keys = exp && typeof exp === 'object' ? Object.keys(exp).filter((k) => k !== '.') : [];
    subpaths.set(pkg, new Set(keys.filter((k) => k.startsWith('./'))));
  }
  const isPublicSubpath = (spec) => {
    const name = packageNameOf(spec);
    const sub = `.${spec.slice(name.length)}`;
    return subpaths.get(name.slice(scope.length))?.has(sub) === true;
  };

  for (const pkg of pkgFolders) {
    const pkgDir = join(pkgsDir, pkg);
    const allowed = allowedPackageEdges[pkg];
    if (!allowed) {
      report(pkgDir, 0, `package folder "${pkg}" is not in the dependency graph (dep-graph.mjs)`);
      continue;
    }
    const manifestFile = join(pkgDir, 'package.json');
    const manifest = existsSync(manifestFile) ? readJson(manifestFile) : {};
    const declared = new Set();
    for (const field of [...runtimeDepFields, 'devDependencies']) {
      for (const dep of Object.keys(manifest[field] ?? {})) {
        declared.add(dep);
        if (dep.startsWith(scope)) {
          const target = dep.slice(scope.length);
          if (!allowed.includes(target)) {
            report(manifestFile, 0, `${field} lists ${dep}: ${pkg} may not depend on ${target}`);
          }
        } else if (noThirdPartyPackages.includes(pkg) && field !== 'devDependencies') {
          report(manifestFile, 0, `${field} lists ${dep}: ${pkg} has no third-party dependencies`);
        }
      }
    }

    const files = listFiles(join(pkgDir, 'src'), SOURCE_EXT);
    const edgesOf = new Map(files.map((f) => [f, extractImports(f, readFileSync(f, 'utf8'))]));
    // Shipped files: reachable from any entry of the exports map (`source` condition).
    const entries = sourceEntries(manifest, pkgDir);
    const reachable = reachableFromEntry(entries.main, edgesOf);
    const shipped = new Set(entries.all.flatMap((e) => [...reachableFromEntry(e, edgesOf)]));
    for (const file of files) {
      fileCount++;
      const isTest = /\.test\.[cm]?[jt]sx?$/.test(file);
      const isNodeTest = /\.node\.test\.[cm]?[jt]sx?$/.test(file);
      for (const edge of edgesOf.get(file)) {
        edgeCount++;
        const { specifier: spec, kind, line } = edge;
        if (spec === undefined) {
          report(file, line, 'dynamic import() of a non-literal specifier cannot be checked');
          continue;
        }
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (target !== pkgDir && !target.startsWith(pkgDir + sep)) {
            const what = kind === 'asset' ? 'new URL()' : 'relative import';
            report(file, line, `${what} "${spec}" escapes packages/${pkg}`);
          }
        } else if (spec.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
          report(file, line, `import of "${spec}": only package names and relative paths`);
        } else if (spec.startsWith(scope)) {
          const name = packageNameOf(spec);
          const target = name.slice(scope.length);
          if (name !== spec && !isPublicSubpath(spec)) {
            report(file, line, `deep import "${spec}": not in the exports map of ${name}`);
          }
          if (target === pkg) {
            report(file, line, `self-import "${spec}": use a relative path inside ${pkg}`);
          } else if (!allowed.includes(target)) {
            report(file, line, `${pkg} may not import ${name} (DESIGN.md dependency graph)`);
          }
        } else if (spec.startsWith('node:') || builtins.has(packageNameOf(spec))) {
          const policy = nodeBuiltinPolicy[pkg];
          const ok =
            kind === 'type' ||
            kind === 'dynamic' ||
            isNodeTest ||
            (policy === 'off-main' && !reachable.has(file));
          if (!ok) {
            const where = policy === 'off-main' ? ' (reachable from src/index.ts)' : '';
            report(file, line, `Node built-in "${spec}" in browser-safe code of ${pkg}${where}`);
          }
        } else {
          const name = packageNameOf(spec);
          const heavy = heavyModuleOf(spec);
          if (heavy && heavy.owner !== pkg && kind === 'static') {
            report(file, line, `heavy module "${spec}" outside ${heavy.owner}: use import()`);
          }
          if (kind === 'type') continue;
          const testOnly = isTest || !shipped.has(file);
          if (noThirdPartyPackages.includes(pkg) && !testOnly) {
            report(file, line, `${pkg} has no third-party dependencies: "${spec}"`);
          } else if (!declared.has(name) && !(testOnly && rootDevDeps.has(name))) {
            report(file, line, `"${name}" is not declared in packages/${pkg}/package.json`);
          }
        }
      }
    }
  }

  const examplesDir = join(root, 'examples');
  for (const file of listFiles(examplesDir, /\.(ts|js|mjs|html)$/)) {
    fileCount++;
    const text = readFileSync(file, 'utf8');
    const edges = file.endsWith('.html')
      ? extractHtmlImports(file, text)
      : extractImports(file, text);
    for (const { specifier: spec, line } of edges) {
      edgeCount++;
      if (spec === undefined) {
        report(file, line, 'dynamic import() of a non-literal specifier cannot be checked');
      } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || spec.startsWith('//')) {
        report(file, line, `"${spec}": examples load nothing from other origins`);
      } else if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(examplesDir + sep)) {
          report(file, line, `relative import "${spec}" escapes examples/: use @annotkit/*`);
        }
      } else if (spec.startsWith(scope)) {
        const name = packageNameOf(spec);
        if (!(name.slice(scope.length) in allowedPackageEdges)) {
          report(file, line, `unknown workspace package "${name}"`);
        } else if (name !== spec && !isPublicSubpath(spec)) {
          report(file, line, `deep import "${spec}": examples use public entry points only`);
        }
      } else if (!spec.startsWith('/') && !rootDevDeps.has(packageNameOf(spec))) {
        report(file, line, `"${packageNameOf(spec)}" is not a dependency of the repository`);
      }
    }
  }
  return { violations, files: fileCount, edges: edgeCount };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
  const { violations, files, edges } = checkDeps(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
  console.log(
    `check-deps: ${files} files, ${edges} import edges, ${violations.length} violation(s)`,
  );
  process.exit(violations.length > 0 ? 1 : 0);
}

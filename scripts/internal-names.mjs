// Finds the property names of src/ that terser may rename in the script-tag bundle: our own
// members, options and table keys that nothing outside the bundle can see. Renaming is by name
// across the whole bundle, so the TypeScript checker rules a name out when anything could reach
// it by its text:
// - the public types (the declarations of the package entries) or the libraries name it;
// - a string or template in src/ holds it (Lit's `changed.has('x')`, `.prop=${…}` bindings);
// - a type has it whose keys are read or written by a string (`table[key]`, `key in table`,
//   `for … in`, Object.keys/values/entries, JSON.stringify);
// - it is read off JSON or other untyped data (`any`, `unknown`, `Record<string, …>`, or a type
//   asserted onto such a value), so its text is the wire format;
// - Lit registers it as a reactive property (decorated), or a benchmark reaches it (KEEP).
// Given Leaflet's source as trimmed for the bundle, its members are renamed the same way: page code
// cannot reach Leaflet in the script-tag bundle, and Leaflet reads a member by a computed name only
// for event types, handler, pane and option names and URL template keys, each of which is a DOM
// word or written in a string somewhere (`fire('zoomanim')`, `addHandler('dragging', …)`), and
// copies options and mixins key by key (renamed alike on both sides).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** Read from outside on purpose: bench/browser/ours.html measures pans through them. */
const KEEP = new Set(['mapController', 'store', 'clustersFor', 'getClusters', 'map',
  // …and the Leaflet methods and option it calls on that map.
  'setView', 'getBounds', 'getWest', 'getSouth', 'getEast', 'getNorth', 'getZoom', 'animate']);

const words = (text) => text.match(/[A-Za-z_$][\w$]*/g) ?? [];

/** Words of the typings and libraries in the bundle: a renamed DOM, Leaflet or Lit member would break. */
function foreignWords({ leaflet = true } = {}) {
  const read = (path) => readFileSync(new URL(`../node_modules/${path}`, import.meta.url), 'utf8');
  const libDir = resolve(require.resolve('typescript'), '..');
  return new Set([
    ...readdirSync(libDir).filter((name) => /^lib\..*\.d\.ts$/.test(name)).flatMap((name) => words(readFileSync(join(libDir, name), 'utf8'))),
    ...[...(leaflet ? ['leaflet/dist/leaflet-src.esm.js'] : []), 'lit-html/development/lit-html.js', '@lit/reactive-element/development/reactive-element.js',
      '@lit/reactive-element/development/css-tag.js', 'lit-element/development/lit-element.js', 'lean-qr/nano.mjs'].flatMap((path) => words(read(path))),
  ]);
}

/**
 * Names of src/ properties that only the bundle's own code uses.
 *
 * @example internalMemberNames('src') // → ['adjacencyEdges', 'bboxOf', …]
 */
export function internalMemberNames(srcDir, { input = 'iife.ts', entries = [input], leaflet } = {}) {
  const ts = require('typescript');
  const root = resolve(srcDir);
  // The bundle's own modules only (not src/react.ts, whose React types take half a minute to check).
  const program = ts.createProgram([join(root, input)], {
    target: ts.ScriptTarget.ES2021,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    experimentalDecorators: true,
    useDefineForClassFields: false,
    skipLibCheck: true,
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: root,
    outDir: '/virtual',
    types: [],
  });
  const checker = program.getTypeChecker();
  const used = new Set();
  const excluded = new Set();
  const excludeType = (type, depth = 2, seen = new Set()) => {
    if (!type || seen.has(type)) return;
    seen.add(type);
    for (const part of type.isUnionOrIntersection() ? type.types : [type]) {
      for (const prop of checker.getPropertiesOfType(checker.getApparentType(part))) {
        excluded.add(prop.name);
        const decl = prop.valueDeclaration ?? prop.declarations?.[0];
        if (depth > 0 && decl) excludeType(checker.getTypeOfSymbolAtLocation(prop, decl), depth - 1, seen);
      }
      if (depth > 0) for (const arg of checker.getTypeArguments?.(part) ?? []) excludeType(arg, depth - 1, seen);
      const index = checker.getIndexTypeOfType(part, ts.IndexKind.String) ?? checker.getIndexTypeOfType(part, ts.IndexKind.Number);
      if (depth > 0 && index) excludeType(index, depth - 1, seen);
    }
  };
  const typeOf = (node) => checker.getTypeAtLocation(node);
  // A dictionary typed `Record<string, …>` has no declared keys: take them from its initializer.
  const excludeKeysOf = (expression) => {
    excludeType(typeOf(expression), 0);
    let symbol = checker.getSymbolAtLocation(expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const keys = (node) => {
      if (ts.isObjectLiteralExpression(node)) for (const p of node.properties) p.name && excluded.add(p.name.getText().replace(/^['"]|['"]$/g, ''));
      else ts.forEachChild(node, keys);
    };
    for (const declaration of symbol?.declarations ?? []) if (declaration.initializer) keys(declaration.initializer);
  };
  /** Rules out every word of `node` when it is a string or template literal. */
  const excludeStringWords = (node) => {
    const parts = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? [node]
      : ts.isTemplateExpression(node) ? [node.head, ...node.templateSpans.map((span) => span.literal)] : [];
    for (const part of parts) words(part.text).forEach((w) => excluded.add(w));
  };
  const isNumeric = (type) => !!(checker.getBaseTypeOfLiteralType(type).flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike));
  const isLoose = (type) =>
    !!(type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) ||
    (type.isUnion() && type.types.some(isLoose)) ||
    (!!checker.getIndexTypeOfType(type, ts.IndexKind.String) && checker.getPropertiesOfType(type).length === 0);
  const ENUMERATING = /^(?:Object\.(?:keys|values|entries|getOwnPropertyNames|fromEntries)|JSON\.stringify|structuredClone)$/;

  for (const sourceFile of program.getSourceFiles()) {
    if (!sourceFile.fileName.startsWith(root)) continue;
    const visit = (node) => {
      excludeStringWords(node);
      if (ts.isDecorator(node) && node.parent.name) excluded.add(node.parent.name.getText());
      else if (ts.isElementAccessExpression(node) && !isNumeric(typeOf(node.argumentExpression))) excludeKeysOf(node.expression);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) excludeKeysOf(node.right);
      else if (ts.isForInStatement(node)) excludeKeysOf(node.expression);
      else if (ts.isCallExpression(node) && ENUMERATING.test(node.expression.getText())) node.arguments.forEach((arg) => { excludeType(typeOf(arg)); excludeKeysOf(arg); });
      else if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && isLoose(typeOf(node.expression))) excludeType(typeOf(node.type));
      if (ts.isPropertyAccessExpression(node)) {
        used.add(node.name.text);
        if (isLoose(typeOf(node.expression))) excluded.add(node.name.text);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const name = (node.propertyName ?? node.name).getText();
        used.add(name);
        if (isLoose(typeOf(node.parent))) excluded.add(name);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node) ||
        ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node)) && ts.isIdentifier(node.name)) {
        used.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  if (leaflet !== undefined) {
    const visit = (node) => {
      excludeStringWords(node);
      if (ts.isPropertyAccessExpression(node)) {
        // A page sets `window.L_NO_TOUCH` and the like before the script runs.
        (/^(?:window|document|navigator|self|globalThis)$/.test(node.expression.getText()) ? excluded : used).add(node.name.text);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node)) && ts.isIdentifier(node.name)) {
        used.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile('leaflet.js', leaflet, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS));
  }

  // The public types: the declarations reachable from the package entries (private members aside).
  const declarations = new Map();
  program.emit(undefined, (name, text) => declarations.set(resolve(name), text), undefined, true);
  const reached = new Set();
  const reach = (path) => {
    if (reached.has(path) || !declarations.has(path)) return;
    reached.add(path);
    const text = declarations.get(path);
    for (const line of text.split('\n')) if (!/^\s*private /.test(line)) words(line).forEach((w) => excluded.add(w));
    for (const m of text.matchAll(/from ['"](\.[^'"]+)['"]|import\(['"](\.[^'"]+)['"]\)/g)) {
      reach(resolve(path, '..', (m[1] ?? m[2]).replace(/\.js$/, '.d.ts')));
    }
  };
  for (const entry of entries) reach(resolve('/virtual', entry.replace(/\.ts$/, '.d.ts')));
  if (reached.size < entries.length) throw new Error('internal-names: the entries emitted no declarations');

  const foreign = foreignWords({ leaflet: leaflet === undefined });
  return [...used].filter((name) => name.length > 2 && !excluded.has(name) && !foreign.has(name) && !KEEP.has(name)).sort();
}

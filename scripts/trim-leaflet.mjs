// Cuts the parts of Leaflet that <station-map> never uses out of the script-tag bundle: popups,
// tooltips, GeoJSON, markers and icons (ours are plain elements), layer groups, paths, image
// overlays and the renderers (ours are src/map/svg-paths.ts and a plain <img>), grid and tile
// layers (ours is src/map/tile-layer.ts), the controls, CRSs other than EPSG:3857, Map#flyTo,
// Map#locate, maxBounds, mobile Safari's long-press `contextmenu` and old-browser fallbacks: about
// 17 KB gzip of its 80 KB budget. Leaflet's ESM build cannot be tree-shaken (every class registers
// itself on Map/Layer), so the cut is by source position, between the doc comments that open each
// class; a missing anchor (a Leaflet update) fails rather than cut the wrong code, and so does any
// use of a cut part in src/. Leaflet's exports are cut to the `L.name`s src/ reads (about 1.3 KB
// more: the namespace objects and the code only they kept).
//
// The result is a committed file, src/map/leaflet-trimmed.generated.js, written by
// scripts/generate-trimmed-leaflet.mjs, so every change to the cut is a diff to review; the
// script-tag bundle (rollup.config.mjs) reads it, and the npm build leaves Leaflet external, whole.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

/** The Leaflet release the cuts below were made and checked against (pinned exactly in package.json). */
export const LEAFLET_VERSION = '1.9.4';

/** The committed output, relative to the package root. */
export const TRIMMED_LEAFLET = 'src/map/leaflet-trimmed.generated.js';

/**
 * Everything the script-tag bundle leaves out of Leaflet, in the order of Leaflet's source.
 * A row is one of:
 * - `{ what, from, to, stub? }`: cuts the code from anchor `from` up to anchor `to`. An anchor is a
 *   class name (the doc comment that opens `@class name`; Leaflet starts each class with one) or a
 *   line of code when it starts with a newline. The names the cut declared stay declared, as
 *   undefined (Leaflet's export list and guarded uses still name them), unless `stub` gives the
 *   code to put in their place.
 * - `{ what, methods }`: methods nothing in the bundle calls (no `.name` in Leaflet after the cuts
 *   or in src/, no string naming them); every definition of each goes. Page code cannot reach
 *   Leaflet in the script-tag bundle, so these only served plugins and apps.
 * - `{ what, forbid }`: a use in src/ that the cuts break though its name stays in Leaflet.
 *
 * What src/ must not use is derived from the code each cut removes (`findCutApi`): the exports it
 * held (`L.popup`), the properties of kept objects that named it (`CRS.Simple`, `Browser.ie`), the
 * members it took from kept objects (`map.flyTo`, `.bindPopup`) and the Map options, events and
 * properties its doc comments describe (`preferCanvas:`, `locationfound`). `forbid` rows hold only
 * what that derivation cannot see.
 */
export const LEAFLET_TRIM = [
  // Only WMS tile layers (cut below) build query strings.
  { what: 'Util.getParamString', from: '\n// @function getParamString(', to: '\nvar templateRe = ' },
  { what: 'the prefixed and setTimeout fallbacks of requestAnimationFrame', from: '\nfunction getPrefixed(', to: '\n// @function requestAnimFrame(',
    stub: 'var timeoutDefer, requestFn = window.requestAnimationFrame, cancelFn = window.cancelAnimationFrame;\n' },
  // The L.Mixin.Events deprecation warning: only a class built with `includes:` can reach it.
  { what: 'the L.Mixin.Events deprecation check', from: '\nfunction checkDeprecatedMixinEvents(', to: 'Evented' },
  { what: 'the L.Mixin.Events deprecation check (Class.extend calls it for `includes:`)', forbid: /\bL\.Mixin\b|\.extend\(\{[^}]*\bincludes:/ },
  // Evented: only feature groups, popups and tooltips had event parents.
  { what: 'event parents (Evented)', methods: ['addEventParent', 'removeEventParent'] },
  // Browser checks true only in browsers that cannot run this bundle (it is ES2020: optional
  // chaining, `??`), so in every browser that runs it they read the same as before: falsy.
  { what: 'Internet Explorer and legacy Edge detection', from: '\n// @property ie: Boolean', to: '\n// @property webkit: Boolean' },
  { what: 'Android 2/3 and Android stock browser detection', from: '\n// @property android23: Boolean', to: '\n// @property opera: Boolean' },
  { what: 'Presto Opera and PhantomJS detection', from: '\nvar phantom = ', to: '\n// @property win: Boolean' },
  { what: 'Internet Explorer 3D detection', from: '\n// @property ie3d: Boolean', to: '\n// @property webkit3d: Boolean' },
  { what: 'IE10 pointer events detection', from: '\n// @property msPointer: Boolean', to: '\n// @property pointer: Boolean' },
  { what: 'mobile Presto Opera and mobile Gecko detection', from: '\n// @property mobileOpera: Boolean', to: '\n// @property retina: Boolean' },
  { what: 'VML detection', from: '\n// @property vml: Boolean', to: '\n// @property mac: Boolean' },
  // Only the renderers (cut below) read these; the cut ends at the row above's `var vml;`.
  { what: 'canvas, SVG and inline SVG detection', from: '\n// @property canvas: Boolean', to: '\nvar vml;' },
  { what: 'opacity through IE filters', from: '\nfunction _setOpacityIE(', to: '\n// @function testProp(' },
  // Every browser that runs the bundle has `selectstart` events: the user-select fallback goes.
  { what: 'the user-select fallback of disableTextSelection', from: '\n} else {\n\tvar userSelectProperty = ', to: '\n\n// @function disableImageDrag(', stub: '}\n' },
  // Methods inside Map: the element has its own geolocation and never flies.
  { what: 'Map#flyTo and flyToBounds', from: '\n\t// @method flyTo(', to: '\n\t// @method setMaxBounds(' },
  // The map is never given `maxBounds`, and zoom limits are fixed when it is created.
  { what: 'Map#setMaxBounds, setMinZoom, setMaxZoom and panInsideBounds', from: '\n\t// @method setMaxBounds(', to: '\n\t// @method panInside(' },
  { what: 'Map#locate and stopLocate', from: '\n\t// @section Geolocation methods', to: '\n\t// TODO Appropriate docs section?' },
  // Map, LatLng, LatLngBounds. Map.Drag's `moving`. `panInside`, `mouseEventToLayerPoint` and
  // `getAttribution`: only plugins, Marker's keyboard focus and the attribution control (all cut)
  // called these. With paths and image overlays cut nothing else is an interactive target or
  // zoom-animates bounds, and only those (or plugins) reached the bounds tests and the pane list.
  { what: 'methods nothing calls', methods: [
    'fitWorld', 'mouseEventToLatLng', 'wrap', 'toBounds', 'toBBoxString', 'moving', 'panInside', 'mouseEventToLayerPoint',
    'getAttribution', 'addInteractiveTarget', 'removeInteractiveTarget', '_latLngBoundsToNewLayerBounds', 'intersects',
    'eachLayer', 'getPanes'] },
  // What only `maxBounds` reached: the map's offset limits (stubbed to pass the view through, as
  // they did without bounds), the pan back inside them, and the drag's viscosity at their edge.
  { what: 'Map#_panInsideMaxBounds', from: '\n\t_panInsideMaxBounds: function () {', to: '\n\t_checkIfLoaded: function () {', stub: '' },
  { what: 'Map#_limitCenter and _limitOffset', from: '\n\t_limitCenter: function (center, zoom, bounds) {', to: '\n\t_limitZoom: function (zoom) {',
    stub: '\t_limitCenter: function (center) { return center; },\n\t_limitOffset: function (offset) { return offset; },\n' },
  { what: 'Map.Drag\'s predrag limit', from: "\n\t\t\tthis._draggable.on('predrag', this._onPreDragLimit, this);", to: '\n\t\t\tif (map.options.worldCopyJump) {', stub: '' },
  { what: 'Map.Drag\'s limit at drag start', from: '\n\t\tif (this._map.options.maxBounds && this._map.options.maxBoundsViscosity) {', to: "\n\n\t\tmap\n\t\t    .fire('movestart')", stub: '' },
  { what: 'Map.Drag\'s viscosity', from: '\n\t_viscousLimit: function (value, threshold) {', to: '\n\t_onPreDragWrap: function () {', stub: '' },
  // The option stays among Map's own, but everything that honoured it is cut above.
  { what: 'Map\'s maxBounds option (what honoured it is cut)', forbid: /maxBounds/ },
  // The element draws its own zoom buttons and attribution (larger touch targets, its language).
  { what: 'controls (Control, Control.Layers, Control.Zoom, Control.Scale, Control.Attribution)', from: 'Control', to: '\n/*\n\tL.Handler is a base class' },
  // Polygon clipping and the centres of polygons and polylines (only paths, popups and tooltips
  // used them), and LineUtil's deprecated `_flat`.
  { what: 'polygon clipping and centres (PolyUtil)', from: '\nfunction clipPolygon(', to: '\nvar PolyUtil = {' },
  { what: 'Polyline#getCenter\'s polylineCenter and the deprecated LineUtil._flat', from: '\nfunction _flat(', to: '\nvar LineUtil = {' },
  // The map always uses the default EPSG:3857: the other CRSs and the projections only they use.
  { what: 'the EPSG:3395, EPSG:4326 and Simple CRSs', from: '\nvar LonLat = {', to: '\nCRS.Earth = Earth;' },
  // The route, the accuracy circle and the coverage drawing are our own SVG paths and image
  // (src/map/svg-paths.ts, src/map/coverage-layer.ts): Leaflet's layer classes, from here to the
  // renderers, go.
  { what: 'layer and feature groups (LayerGroup, FeatureGroup)', from: 'LayerGroup', to: 'Icon' },
  // The element draws its pins, clusters and position dot as plain elements
  // (src/map/dom-markers.ts), ~10× cheaper to create than L.Marker.
  { what: 'markers and icons (Icon, Icon.Default, Marker.Drag, Marker)', from: 'Icon', to: 'Path' },
  { what: 'paths and GeoJSON (Path, CircleMarker, Circle, Polyline, Polygon, GeoJSON)', from: 'Path', to: 'ImageOverlay' },
  { what: 'image, video and SVG overlays', from: 'ImageOverlay', to: 'DivOverlay' },
  { what: 'popups and tooltips (DivOverlay, Popup, Tooltip)', from: 'DivOverlay', to: 'DivIcon' },
  { what: 'div icons', from: 'DivIcon', to: 'GridLayer' },
  // The basemap tiles are our own (src/map/tile-layer.ts): the same placement, without the options
  // the element never sets.
  { what: 'grid, tile and WMS layers (GridLayer, TileLayer, TileLayer.WMS)', from: 'GridLayer', to: 'Renderer' },
  // With no path layer left, nothing draws on a renderer.
  { what: 'renderers (Renderer, Canvas, VML, SVG, Map#getRenderer, Rectangle)', from: 'Renderer', to: '\n/*\n * L.Handler.BoxZoom' },
  // Mobile Safari's long press makes a synthetic `contextmenu`: nothing listens (and it would not
  // leave the shadow root), so only the hold timer and the document listeners were left.
  { what: 'the long-press contextmenu of mobile Safari (TapHold)', from: '\nvar tapHoldDelay = 600;', to: '\n/*\n * L.Handler.TouchZoom' },
  { what: 'the long-press contextmenu of mobile Safari (TapHold makes it)', forbid: /\bcontextmenu\b/ },
];

/** A top-level declaration: `var a`, `function a`, or all of a `var a, b;` line (an earlier cut's stub). */
const DECLARATION = /^(?:var|function|const|let|class) ([A-Za-z_$][\w$]*(?:, [A-Za-z_$][\w$]*)*(?=;$))?([A-Za-z_$][\w$]*)?/gm;
/** Where an object's members start: `var Map = Evented.extend({`, `Map.include({`, `var Util = {`. */
const OWNER = /^(?:var ([\w$]+) = [\w$.]+\.extend\(\{|([\w$]+)\.include\(\{|var ([\w$]+) = \{)$/gm;
/** A member one tab in: a class's or an `include`'s method. */
const MEMBER = /^\t([\w$]+): function\b/gm;
/** Leaflet's doc tags: `@namespace Map`, `@option preferCanvas: Boolean`, `@event locationfound: …`. */
const DOC = /@(class|namespace|option|event|property) ([\w$.]+)/g;
// Comments, but only those after a line start or a space, so `'*/*'` or `https://` in a string stay.
const COMMENTS = /(?<=^|\s)(?:\/\*[\s\S]*?\*\/|\/\/.*)/gm;

const escape = (text) => text.replace(/[$.]/g, '\\$&');
const declared = (code) => new Set([...code.matchAll(DECLARATION)].flatMap((m) => (m[1] ? m[1].split(', ') : m[2] ? [m[2]] : [])));
/** What a stub declares again: `var a, b = x, c = y;` declares a, b and c. */
const redeclared = (stub) => new Set([...stub.matchAll(/^var (.*);$/gm)].flatMap((m) => m[1].split(', ').map((d) => d.split(' = ')[0])));
const lastMatch = (re, code) => [...code.matchAll(re)].pop();

/**
 * Where a cut starts or ends: the comment block documenting `@class name`
 * (Leaflet starts each class with one), or a line of code when `anchor` starts with a newline.
 */
function findAnchor(code, anchor, from) {
  if (anchor.startsWith('\n')) {
    const at = code.indexOf(anchor, from);
    return at < 0 ? -1 : at + 1;
  }
  const match = new RegExp(`\\n \\* @class ${escape(anchor)}\\r?\\n`).exec(code.slice(from));
  return match ? code.lastIndexOf('\n/*', from + match.index) + 1 : -1;
}

/**
 * Leaflet's ESM source without the parts in LEAFLET_TRIM, and what src/ must not use now
 * (`forbidden`: `{ what, pattern, row }`). Throws when an anchor is gone or a method is laid out
 * differently (a Leaflet update), so nothing is ever cut at the wrong place. The export list is
 * left whole: `trimExports` cuts it to what src/ reads.
 */
export function cutLeaflet(source) {
  // Leaflet's build mixes CRLF and LF line ends: one kind, so code anchors can span lines.
  let out = source.replace(/\r\n?/g, '\n');
  const cuts = [];
  for (const row of LEAFLET_TRIM) {
    if (!row.from) continue;
    const start = findAnchor(out, row.from, 0);
    const end = start < 0 ? -1 : findAnchor(out, row.to, start + 1);
    if (start < 0 || end < 0) throw new Error(`Leaflet changed: cannot find ${row.what} (${row.from.trim()} … ${row.to.trim()}) to cut`);
    const cut = out.slice(start, end);
    const names = [...declared(cut)];
    const stub = row.stub ?? (names.length ? `var ${names.join(', ')};\n` : '');
    const restored = row.stub === undefined ? new Set() : redeclared(row.stub);
    // Whose members these are: the object opened last before each (the cut may open its own).
    const owners = [...out.slice(0, end).matchAll(OWNER)].map((m) => ({ at: m.index, name: m[1] ?? m[2] ?? m[3] }));
    const members = [...cut.matchAll(MEMBER)].map((m) => ({
      name: m[1],
      owner: owners.findLast((o) => o.at < start + m.index)?.name,
    }));
    // Doc tags, read in the namespace they are under (a cut inside Map starts in Map's).
    let namespace = lastMatch(/@(?:class|namespace) ([\w$.]+)/g, out.slice(0, start))?.[1];
    const docs = [];
    for (const [, tag, name] of cut.matchAll(DOC)) {
      if (tag === 'class' || tag === 'namespace') namespace = name;
      else docs.push({ tag, name, namespace });
    }
    cuts.push({ row, names: names.filter((n) => !restored.has(n)), members, docs, stubbed: row.stub === undefined ? names : [] });
    out = `${out.slice(0, start)}${stub}${out.slice(end)}`;
  }
  // Static aliases on a cut class (`GeoJSON.asFeature = asFeature;`) would throw on undefined.
  const stubbed = new Set(cuts.flatMap((c) => c.stubbed));
  out = out.replace(/^([A-Za-z_$][\w$]*)\.[\w$.]+ = [\w$.]+;\r?$/gm, (line, name) => (stubbed.has(name) ? '' : line));
  for (const row of LEAFLET_TRIM) if (row.methods) out = cutMethods(out, row);
  return { code: out, forbidden: findCutApi(out, cuts) };
}

/**
 * What src/ must not use after the cuts, each with the row that cuts it: read from the cut code,
 * so a new row needs no list of its own (see LEAFLET_TRIM).
 */
function findCutApi(trimmed, cuts) {
  const gone = new Set(cuts.flatMap((c) => c.names));
  const exported = exportList(trimmed).entries;
  const publicName = (local) => exported.find(([, l]) => l === local)?.[0] ?? local;
  const defined = new Set([...trimmed.matchAll(MEMBER)].map((m) => m[1]));
  // `CRS.Simple = Simple;`, and `ie: ie,` inside `var Browser = {`: properties of kept objects.
  const properties = [
    ...[...trimmed.matchAll(/^([\w$]+)\.([\w$.]+) = ([\w$]+);$/gm)].map((m) => [m[1], m[2], m[3]]),
    ...[...trimmed.matchAll(/^var ([\w$]+) = \{\n([\s\S]*?)\n\};$/gm)].flatMap((o) =>
      [...o[2].matchAll(/^\s+([\w$]+): ([\w$]+),?$/gm)].map((m) => [o[1], m[1], m[2]]),
    ),
  ];
  const forbidden = [];
  // `text` names what the pattern finds, for the message (a `forbid` row's `what` says it already).
  const forbid = (row, text, pattern) => {
    const re = new RegExp(pattern);
    if (!forbidden.some((f) => f.pattern.source === re.source)) forbidden.push({ what: row.what, text, pattern: re });
  };
  // The Leaflet map is held as `map` throughout src/ (`this.map`, `controller.map`), so its cut
  // members are looked for there: the element's own `locate()` is not Map#locate.
  const memberPattern = (owner, name) => (owner === 'Map' ? `\\bmap\\??\\.${escape(name)}\\b` : `\\.${escape(name)}\\b`);
  for (const { row, names, members, docs } of cuts) {
    for (const [name, local] of exported) if (names.includes(local)) forbid(row, `L.${name}`, `\\bL\\.${escape(name)}\\b`);
    for (const [object, key, value] of properties) {
      if (names.includes(value) && !gone.has(object)) forbid(row, `${publicName(object)}.${key}`, `\\b${escape(publicName(object))}\\.${escape(key)}\\b`);
    }
    for (const { name, owner } of members) {
      if (owner && !gone.has(owner) && !defined.has(name)) forbid(row, `${owner}#${name}`, memberPattern(owner, name));
    }
    for (const { tag, name, namespace } of docs) {
      if (namespace !== 'Map') continue;
      // An option is fine set to false: that is what the cut leaves (`zoomControl: false`).
      if (tag === 'option') forbid(row, `Map option ${name}`, `\\b${escape(name)}\\s*:(?!\\s*false\\b)`);
      else if (tag === 'event') forbid(row, `Map event ${name}`, `\\b${escape(name)}\\b`);
      else forbid(row, `Map#${name}`, memberPattern('Map', name));
    }
  }
  for (const row of LEAFLET_TRIM) {
    for (const name of row.methods ?? []) forbid(row, `#${name}`, `\\.${escape(name)}\\b`);
    if (row.forbid) forbid(row, '', row.forbid);
  }
  return forbidden;
}

/**
 * `code` without the definitions of a `methods` row (class and prototype members: one tab in, with
 * the `//` doc lines above them). Throws when Leaflet still calls one or no longer defines it.
 */
function cutMethods(code, row) {
  let out = code;
  for (const name of row.methods) {
    // Comments aside: Leaflet's doc examples name methods freely.
    const use = new RegExp(`\\.${name}\\b|['"]${name}['"]`).exec(out.replace(COMMENTS, ''));
    if (use) throw new Error(`Leaflet changed: it uses ${use[0]}, which scripts/trim-leaflet.mjs cuts as one of the ${row.what}`);
    // From the doc lines to the first line that is just `}` one tab in: the method's own end.
    const definition = new RegExp(`\\n(?:\\t//[^\\n]*\\n)*\\t${name}: function \\([^)]*\\) \\{[^\\n]*\\n[\\s\\S]*?\\n\\t\\},?(?=\\n)`, 'g');
    const cut = out.replace(definition, (method) => {
      // A one-line method would have run on into the next member: stop rather than cut that too.
      if (/\n\t[\w$]+: /.test(method.slice(method.indexOf(`\t${name}: `) + 1))) {
        throw new Error(`Leaflet changed: the method ${name} is not laid out as expected`);
      }
      return '';
    });
    if (cut === out) throw new Error(`Leaflet changed: cannot find the method ${name} to cut`);
    out = cut;
  }
  return out;
}

/** Leaflet's closing `export { … };`: where it starts and its [exported name, local name] pairs. */
function exportList(code) {
  const list = /\nexport \{([^}]*)\};?[^\n]*\n(?:\/\/[^\n]*\s*)?$/.exec(code);
  if (!list) throw new Error('Leaflet changed: cannot find its export list');
  const entries = list[1].split(',').map((entry) => {
    const [local, name = local] = entry.trim().split(/\s+as\s+/);
    return [name, local];
  });
  return { at: list.index, entries };
}

/**
 * Leaflet's closing `export { … };` reduced to the names in `keep` (the `L.name`s src/ reads, see
 * `usedLeafletExports`): the bundle builds one namespace object for `L`, and each export listed
 * there, with the namespace objects (Util, DomUtil, DomEvent, LineUtil…) only the export list kept
 * alive, would ship for nothing. Throws on a name Leaflet lacks.
 */
export function trimExports(code, keep) {
  const { at, entries } = exportList(code);
  const locals = new Map(entries);
  const kept = [...new Set(keep)].sort().map((name) => {
    if (!locals.has(name)) throw new Error(`src/ uses L.${name}, which Leaflet does not export`);
    const local = locals.get(name);
    return local === name ? name : `${local} as ${name}`;
  });
  return `${code.slice(0, at)}\nexport { ${kept.join(', ')} };\n`;
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/**
 * The names src/ reads off the Leaflet module: every `L.name`. It is only ever held as `L`
 * (`const L = await loadLeaflet()`, or a parameter or field `L: Leaflet`); any other binding
 * throws, since its reads could not be seen here and the export would be missing at run time.
 */
export function usedLeafletExports(srcDir) {
  const used = new Set();
  for (const file of walk(srcDir)) {
    // Comments out (they may say `shown: Leaflet …`).
    const code = readFileSync(file, 'utf8').replace(COMMENTS, '');
    const bindings = [
      ...[...code.matchAll(/([\w$]+|[}\]])\??\s*:\s*Leaflet\b(?![-\w$])/g)].map((m) => [m[0], m[1] === 'L']),
      ...[...code.matchAll(/(?:=|\breturn)\s*(?:this\.)?L\b(?![\w$.])/g)].map((m) => [m[0], false]),
      ...[...code.matchAll(/^.*\bloadLeaflet\(\)/gm)].map((m) => [m[0], /(?:\b(?:const|let) L = await |\bfunction )loadLeaflet\(\)$/.test(m[0])]),
      ...[...code.matchAll(/^.*\bimport\b(?! type\b).*['"]leaflet[/'"].*$/gm)].map((m) => [m[0], /^\s*(?:leaflet \?\?= import\(|export type )/.test(m[0])]),
    ];
    for (const [text, ok] of bindings) {
      if (!ok) throw new Error(`${file}: \`${text.trim()}\` holds the Leaflet module under another name than \`L\`; scripts/trim-leaflet.mjs only sees reads of \`L.name\``);
    }
    for (const [, name] of code.matchAll(/\bL\.([A-Za-z_$][\w$]*)/g)) used.add(name);
  }
  return [...used];
}

/** Throws when a file under `srcDir` uses a part of Leaflet that LEAFLET_TRIM cuts (`forbidden` from `cutLeaflet`). */
export function checkLeafletUse(srcDir, forbidden) {
  for (const file of walk(srcDir)) {
    // Comments out: they may name what is cut (`map.locate()` in a doc example is the element's).
    const text = readFileSync(file, 'utf8').replace(COMMENTS, '');
    for (const { what, text: api, pattern } of forbidden) {
      const match = pattern.exec(text);
      if (match) {
        throw new Error(
          `${file} uses ${match[0]}${api && api !== match[0] ? ` (${api})` : ''}, which scripts/trim-leaflet.mjs cuts from Leaflet for the script-tag bundle with ${what}: take that out of LEAFLET_TRIM`,
        );
      }
    }
  }
}

/**
 * The text of TRIMMED_LEAFLET for the Leaflet installed beside `root` and the src/ there: throws
 * when that Leaflet is not LEAFLET_VERSION, an anchor is gone, or src/ uses a cut part.
 */
export function generateTrimmedLeaflet(root) {
  const require = createRequire(join(root, 'package.json'));
  const pkg = JSON.parse(readFileSync(require.resolve('leaflet/package.json'), 'utf8'));
  if (pkg.version !== LEAFLET_VERSION) {
    throw new Error(
      `leaflet ${pkg.version} is installed; the cuts in scripts/trim-leaflet.mjs were made against ${LEAFLET_VERSION}: check every row against the new source, then set LEAFLET_VERSION`,
    );
  }
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies?.leaflet;
  if (pinned !== LEAFLET_VERSION) throw new Error(`package.json must pin leaflet to exactly ${LEAFLET_VERSION} (the version the cuts were made against), not ${pinned}`);
  const srcDir = resolve(root, 'src');
  const { code, forbidden } = cutLeaflet(readFileSync(require.resolve('leaflet/dist/leaflet-src.esm.js'), 'utf8'));
  checkLeafletUse(srcDir, forbidden);
  const header = [
    `// Generated by scripts/generate-trimmed-leaflet.mjs from leaflet@${LEAFLET_VERSION} (dist/leaflet-src.esm.js): do not edit.`,
    '// The cuts are the table in scripts/trim-leaflet.mjs; the exports are the `L.name`s src/ reads.',
    '// After changing either, or Leaflet, run `npm run generate:leaflet`: until then the unit test',
    '// tests/unit/map/leaflet-trimmed.test.ts and the script-tag build fail. Only that bundle uses it.',
  ];
  return `${header.join('\n')}\n${trimExports(code, usedLeafletExports(srcDir))}`;
}

/** Where the committed file is, and whether it is what `generateTrimmedLeaflet` writes now. */
export function checkTrimmedLeaflet(root) {
  const path = resolve(root, TRIMMED_LEAFLET);
  const expected = generateTrimmedLeaflet(root);
  let actual = '';
  try {
    actual = readFileSync(path, 'utf8');
  } catch {
    // A missing file is out of date, as any other.
  }
  return { path, fresh: actual === expected, expected, relativePath: relative(root, path) };
}

/**
 * The trimmed Leaflet as a module that runs none of it until asked: its code becomes the body of a
 * function, its export list that function's result, and the module exports only
 * `createLeaflet()`, which runs it once (src/map/leaflet.ts calls it when the first map is made).
 * Evaluated with the bundle, Leaflet was a third of the bundle's start-up work, all of it before
 * the parser could reach `<station-map>` and send the request for its data (26 → 18 ms from the
 * script's last byte to the element's definition, unthrottled).
 *
 * @example asLeafletFactory('var a = 1;\nexport { a as b };') // '…function evaluateLeaflet() {…return { b: a };…'
 */
export function asLeafletFactory(code) {
  const exportList = /^export \{([^}]*)\};$/m.exec(code);
  const before = exportList ? code.slice(0, exportList.index) : '';
  const rest = exportList ? code.slice(exportList.index + exportList[0].length) : '';
  if (!exportList || /^\s*(export|import)\b/m.test(`${before}\n${rest}`)) {
    throw new Error('asLeafletFactory: the trimmed Leaflet must end its code with one `export { … };` and have no other import or export');
  }
  const members = exportList[1]
    .split(',')
    .map((entry) => entry.trim().split(/\s+as\s+/))
    .map(([local, exported = local]) => `${exported}: ${local}`);
  const body = `${before}return { ${members.join(', ')} };${rest}`;
  return `let leaflet;\nfunction evaluateLeaflet() {\n${body}\n}\nexport function createLeaflet() {\n  return (leaflet ??= evaluateLeaflet());\n}\n`;
}

/**
 * Rollup plugin for the script-tag bundle: Leaflet's module is the committed trimmed file, as the
 * factory of {@link asLeafletFactory}. Fails the build when that file is not what
 * scripts/generate-trimmed-leaflet.mjs writes from the table, src/ and the installed Leaflet now
 * (which also checks src/ against the cuts).
 */
export function trimmedLeaflet({ root = process.cwd() } = {}) {
  let path;
  return {
    name: 'trimmed-leaflet',
    buildStart() {
      const check = checkTrimmedLeaflet(root);
      if (!check.fresh) this.error(`${check.relativePath} is out of date: run \`npm run generate:leaflet\` and commit it`);
      path = check.path;
      this.addWatchFile(path);
    },
    load(id) {
      return /leaflet[\\/]dist[\\/]leaflet-src\.esm\.js$/.test(id) ? asLeafletFactory(readFileSync(path, 'utf8')) : null;
    },
  };
}

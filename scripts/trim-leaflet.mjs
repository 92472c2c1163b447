// Cuts the parts of Leaflet that <station-map> never uses (popups, tooltips, GeoJSON, polygons,
// grid and tile layers (ours is src/map/tile-layer.ts),
// the canvas renderer, the layers and scale controls, WMS, video/SVG overlays, feature groups,
// markers and icons (ours are plain elements), layer groups, paths, image overlays and the SVG
// renderer (ours are src/map/svg-paths.ts and a plain <img>), VML, CRSs other than EPSG:3857,
// Map#flyTo, Map#locate, maxBounds, the default PNG icon, polygon clipping, line centres, mobile
// Safari's long-press `contextmenu` and old-browser fallbacks) out of the script-tag bundle:
// about 17 KB gzip of its 80 KB budget. Leaflet's ESM build cannot be tree-shaken (every class
// registers itself on Map/Layer), so the cut is by source position, between the doc comments that
// open each class; a missing anchor (a Leaflet update) fails the build rather than cut the wrong
// code, and so does any use of a cut part in src/. Leaflet's exports are cut to the `L.name`s src/
// reads (about 1.3 KB more: the namespace objects and the code only they kept). Only the IIFE is
// trimmed: the npm build leaves Leaflet external, whole.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Leaflet parts the element never uses, cut from the script-tag bundle:
 * [what, first class, class after the cut, code put in its place (default: the cut names, declared)].
 */
const LEAFLET_CUTS = [
  ['the layers control', 'Control.Layers', 'Control.Zoom'],
  ['the scale control', 'Control.Scale', 'Control.Attribution'],
  ['polygons and GeoJSON', 'Polygon', 'ImageOverlay'],
  ['video and SVG overlays', 'VideoOverlay', 'DivOverlay'],
  ['popups and tooltips', 'DivOverlay', 'DivIcon'],
  ['WMS tile layers', 'TileLayer.WMS', 'Renderer'],
  ['the canvas renderer', 'Canvas', 'SVG'],
  ['rectangles', 'Rectangle', '\nSVG.create = create;'],
  // The map always uses the default EPSG:3857: the other CRSs and the projections only they use.
  ['the EPSG:3395, EPSG:4326 and Simple CRSs', '\nvar LonLat = {', '\nCRS.Earth = Earth;'],
  ['feature groups', 'FeatureGroup', 'Icon'],
  ['VML for old Internet Explorer', '\nvar vmlMixin = {', '\nvar create = Browser.vml'],
  // Methods inside Map: the element has its own geolocation and never flies.
  ['Map#flyTo and flyToBounds', '\n\t// @method flyTo(', '\n\t// @method setMaxBounds('],
  ['Map#locate and stopLocate', '\n\t// @section Geolocation methods', '\n\t// TODO Appropriate docs section?'],
  // The map is never given `maxBounds`, and zoom limits are fixed when it is created.
  ['Map#setMaxBounds, setMinZoom, setMaxZoom and panInsideBounds', '\n\t// @method setMaxBounds(', '\n\t// @method panInside('],
  // What only `maxBounds` reached: the map's offset limits (stubbed to pass the view through, as
  // they did without bounds), the pan back inside them, and the drag's viscosity at their edge.
  ['Map#_limitCenter and _limitOffset', '\n\t_limitCenter: function (center, zoom, bounds) {', '\n\t_limitZoom: function (zoom) {',
    '\t_limitCenter: function (center) { return center; },\n\t_limitOffset: function (offset) { return offset; },\n'],
  ['Map#_panInsideMaxBounds', '\n\t_panInsideMaxBounds: function () {', '\n\t_checkIfLoaded: function () {', ''],
  ['Map.Drag\'s predrag limit', "\n\t\t\tthis._draggable.on('predrag', this._onPreDragLimit, this);", '\n\t\t\tif (map.options.worldCopyJump) {', ''],
  ['Map.Drag\'s limit at drag start', '\n\t\tif (this._map.options.maxBounds && this._map.options.maxBoundsViscosity) {', "\n\n\t\tmap\n\t\t    .fire('movestart')", ''],
  ['Map.Drag\'s viscosity', '\n\t_viscousLimit: function (value, threshold) {', '\n\t_onPreDragWrap: function () {', ''],
  // Markers, icons and marker dragging: the element draws its pins, clusters and position dot as
  // plain elements (src/map/dom-markers.ts), ~10× cheaper to create than L.Marker.
  ['markers and icons (Icon, Icon.Default, Marker.Drag, Marker)', 'Icon', 'Path'],
  ['div icons', 'DivIcon', 'GridLayer'],
  // Polygon clipping and the centres of polygons and polylines (only popups and tooltips anchor
  // on Polyline#getCenter, which now throws), and LineUtil's deprecated `_flat`.
  ['polygon clipping and centres (PolyUtil)', '\nfunction clipPolygon(', '\nvar PolyUtil = {'],
  ['Polyline#getCenter\'s polylineCenter and the deprecated LineUtil._flat', '\nfunction _flat(', '\nvar LineUtil = {'],
  ['Polyline#closestLayerPoint and getCenter', '\n\t// @method closestLayerPoint(', '\n\t// @method getBounds(): LatLngBounds'],
  // Hit testing for the canvas renderer (cut above); SVG paths get their events from the DOM.
  ['CircleMarker#_containsPoint', '\n\t// Needed by the `Canvas` renderer for interactivity\n\t_containsPoint: function (p) {', '\n});'],
  ['Polyline#_containsPoint', '\n\t// Needed by the `Canvas` renderer for interactivity\n\t_containsPoint: function (p, closed) {', '\n});'],
  // The L.Mixin.Events deprecation warning: only a class built with `includes:` can reach it.
  ['the L.Mixin.Events deprecation check', '\nfunction checkDeprecatedMixinEvents(', 'Evented'],
  // Browser checks true only in browsers that cannot run this bundle (it is ES2020: optional
  // chaining, `??`), so in every browser that runs it they read the same as before: falsy.
  ['Internet Explorer and legacy Edge detection', '\n// @property ie: Boolean', '\n// @property webkit: Boolean'],
  ['Android 2/3 and Android stock browser detection', '\n// @property android23: Boolean', '\n// @property opera: Boolean'],
  ['Presto Opera and PhantomJS detection', '\nvar phantom = ', '\n// @property win: Boolean'],
  ['Internet Explorer 3D detection', '\n// @property ie3d: Boolean', '\n// @property webkit3d: Boolean'],
  ['IE10 pointer events detection', '\n// @property msPointer: Boolean', '\n// @property pointer: Boolean'],
  ['mobile Presto Opera and mobile Gecko detection', '\n// @property mobileOpera: Boolean', '\n// @property retina: Boolean'],
  ['VML detection', '\n// @property vml: Boolean', '\n// @property mac: Boolean'],
  ['opacity through IE filters', '\nfunction _setOpacityIE(', '\n// @function testProp('],
  ['the prefixed and setTimeout fallbacks of requestAnimationFrame', '\nfunction getPrefixed(', '\n// @function requestAnimFrame(',
    'var timeoutDefer, requestFn = window.requestAnimationFrame, cancelFn = window.cancelAnimationFrame;\n'],
  // Every browser that runs the bundle has `selectstart` events: the user-select fallback goes.
  ['the user-select fallback of disableTextSelection', '\n} else {\n\tvar userSelectProperty = ', '\n\n// @function disableImageDrag(', '}\n'],
  // Only WMS tile layers (cut above) build query strings.
  ['Util.getParamString', '\n// @function getParamString(', '\nvar templateRe = '],
  // The element draws its own zoom buttons and attribution (larger touch targets, its language).
  ['controls (Control, Control.Zoom, Control.Attribution)', 'Control', '\n/*\n\tL.Handler is a base class'],
  // Mobile Safari's long press makes a synthetic `contextmenu`: nothing listens (and it would not
  // leave the shadow root), so only the hold timer and the document listeners were left.
  ['the long-press contextmenu of mobile Safari (TapHold)', '\nvar tapHoldDelay = 600;', '\n/*\n * L.Handler.TouchZoom'],
  // The route, the accuracy circle and the coverage drawing are our own SVG paths and image
  // (src/map/svg-paths.ts, src/map/coverage-layer.ts), which leaves layer groups, paths, image
  // overlays, the renderers and the line clipping and simplification only they used.
  ['layer groups, paths and image overlays (LayerGroup, Path, CircleMarker, Circle, Polyline, ImageOverlay)', 'LayerGroup', 'GridLayer'],
  ['renderers (Renderer, SVG, Map#getRenderer)', 'Renderer', '\n/*\n * L.Handler.BoxZoom'],
  ['canvas, SVG and inline SVG detection (only the renderers read them)', '\n// @property canvas: Boolean', '\nvar vml;'],
  // The basemap tiles are our own (src/map/tile-layer.ts): the same placement, without the options
  // the element never sets.
  ['grid and tile layers (GridLayer, TileLayer)', 'GridLayer', '\n/*\n * L.Handler.BoxZoom'],
];
/**
 * Methods nothing in the bundle calls: no `.name` in Leaflet (after the cuts above) or in src/,
 * and no string naming them. Page code cannot reach Leaflet in the script-tag bundle, so these
 * only served plugins and apps. Every definition of each name is cut; the build stops if Leaflet
 * or src/ calls one after all, or if one is no longer defined.
 */
const UNUSED_METHODS = [
  // Evented: only feature groups, popups and tooltips had event parents.
  'addEventParent', 'removeEventParent',
  // Map, LatLng, LatLngBounds
  'fitWorld', 'mouseEventToLatLng', 'wrap', 'toBounds', 'toBBoxString',
  // Map.Drag
  'moving',
  // Map and layers: only plugins, Marker's keyboard focus and the attribution control (all cut)
  // called these.
  'panInside', 'mouseEventToLayerPoint', 'getAttribution',
  // Layer and Map: with paths and image overlays (cut) nothing else is an interactive target or
  // zoom-animates bounds.
  'addInteractiveTarget', 'removeInteractiveTarget', '_latLngBoundsToNewLayerBounds',
  // What only those (or plugins) reached: the bounds tests and the map's pane list.
  'intersects', 'eachLayer', 'getPanes',
];

// Any of these in src/ means a cut part is in use after all: the build stops and says which.
const CUT_API =
  /\bL\.(layerGroup|LayerGroup|polyline|Polyline|circle|Circle|circleMarker|CircleMarker|imageOverlay|ImageOverlay|Path|svg|SVG|Renderer|popup|tooltip|polygon|rectangle|geoJSON|geoJson|canvas|videoOverlay|svgOverlay|Popup|Tooltip|Polygon|Rectangle|GeoJSON|Canvas|VideoOverlay|SVGOverlay|DivOverlay|TileLayer\.WMS)\b|\.(bindPopup|bindTooltip|openPopup|openTooltip|toGeoJSON)\(|control\.(layers|scale)\b|tileLayer\.wms|preferCanvas|\bL\.(featureGroup|FeatureGroup|Projection|tileLayer|TileLayer|gridLayer|GridLayer)\b|CRS\.(EPSG3395|EPSG4326|Simple)\b|\bdraggable:|\.(flyTo|flyToBounds|stopLocate)\(|\.map\.locate\(|location(found|error)|maxBounds|\.(setMaxBounds|panInsideBounds|setMinZoom|setMaxZoom)\(|Icon\.Default|imagePath|getParamString|PolyUtil|polylineCenter|closestLayerPoint|_containsPoint|(?<!\bmap|[bB]ounds)\.getCenter\(|\bL\.(Mixin|Browser|marker|Marker|icon|Icon|divIcon|DivIcon|control|Control)\b|(zoomControl|attributionControl): true|\btapHold\b|\bcontextmenu\b|\.extend\(\{[^}]*\bincludes:/;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/**
 * Where a cut starts or ends: the comment block documenting `@class name`
 * (Leaflet starts each class with one), or a line of code when `anchor` starts with a newline.
 */
function findAnchor(code, anchor, from) {
  if (anchor.startsWith('\n')) {
    const at = code.indexOf(anchor, from);
    return at < 0 ? -1 : at + 1;
  }
  const match = new RegExp(`\\n \\* @class ${anchor.replace(/\./g, '\\.')}\\r?\\n`).exec(code.slice(from));
  return match ? code.lastIndexOf('\n/*', from + match.index) + 1 : -1;
}

/**
 * Leaflet's ESM source without the parts in LEAFLET_CUTS. Throws when an anchor is gone
 * (a Leaflet update), so nothing is ever cut at the wrong place. With `keepExports` (the names
 * src/ reads off the module, see `usedLeafletExports`) every other export goes too: the bundle
 * builds one namespace object for `L`, and each export listed there, with the namespace objects
 * (Util, DomUtil, DomEvent, LineUtil…) only the export list kept alive, would ship for nothing.
 */
export function trimLeafletSource(code, { keepExports } = {}) {
  // Leaflet's build mixes CRLF and LF line ends: one kind, so code anchors can span lines.
  let out = code.replace(/\r\n?/g, '\n');
  const stubs = [];
  for (const [what, first, next, stub] of LEAFLET_CUTS) {
    const start = findAnchor(out, first, 0);
    const end = start < 0 ? -1 : findAnchor(out, next, start + 1);
    if (start < 0 || end < 0) throw new Error(`Leaflet changed: cannot find ${what} (${first} … ${next.trim()}) to cut`);
    const cut = out.slice(start, end);
    // The cut names stay declared (as undefined): Leaflet's export list and guarded uses still name them.
    // (All of a `var a, b;` line: an earlier cut's stub inside this one.)
    const names = [
      ...new Set(
        [...cut.matchAll(/^(?:var|function|const|let|class) ([A-Za-z_$][\w$]*(?:, [A-Za-z_$][\w$]*)*(?=;$))?([A-Za-z_$][\w$]*)?/gm)]
          .flatMap((m) => (m[1] ? m[1].split(', ') : [m[2]])),
      ),
    ];
    if (stub === undefined) stubs.push(...names);
    out = `${out.slice(0, start)}${stub ?? (names.length ? `var ${names.join(', ')};\n` : '')}${out.slice(end)}`;
  }
  // Static aliases on a cut class (`GeoJSON.asFeature = asFeature;`) would throw on undefined.
  const stubbed = new Set(stubs);
  out = out.replace(/^([A-Za-z_$][\w$]*)\.[\w$.]+ = [\w$.]+;\r?$/gm, (line, name) => (stubbed.has(name) ? '' : line));
  out = cutUnusedMethods(out, UNUSED_METHODS);
  return keepExports ? trimExports(out, keepExports) : out;
}

/**
 * `code` without the definitions of `names` (class and prototype members: one tab in, with the
 * `//` doc lines above them). Throws when Leaflet still calls one or no longer defines it.
 */
function cutUnusedMethods(code, names) {
  let out = code;
  for (const name of names) {
    // Comments aside: Leaflet's doc examples name methods freely.
    const use = new RegExp(`\\.${name}\\b|['"]${name}['"]`).exec(out.replace(/(?<=^|\s)(?:\/\*[\s\S]*?\*\/|\/\/.*)/gm, ''));
    if (use) throw new Error(`Leaflet changed: it uses ${use[0]}, which scripts/trim-leaflet.mjs cuts as unused`);
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

/** Leaflet's closing `export { … };` reduced to the names in `keep`; throws on a name it lacks. */
function trimExports(code, keep) {
  const list = /\nexport \{([^}]*)\};?[^\n]*\n(?:\/\/[^\n]*\s*)?$/.exec(code);
  if (!list) throw new Error('Leaflet changed: cannot find its export list');
  const entries = new Map(
    list[1].split(',').map((entry) => {
      const [local, exported = local] = entry.trim().split(/\s+as\s+/);
      return [exported, local];
    }),
  );
  const kept = [...new Set(keep)].sort().map((name) => {
    if (!entries.has(name)) throw new Error(`src/ uses L.${name}, which Leaflet does not export`);
    const local = entries.get(name);
    return local === name ? name : `${local} as ${name}`;
  });
  return `${code.slice(0, list.index)}\nexport { ${kept.join(", ")} };\n`;
}

/**
 * The names src/ reads off the Leaflet module: every `L.name`. It is only ever held as `L`
 * (`const L = await loadLeaflet()`, or a parameter or field `L: Leaflet`); any other binding
 * throws, since its reads could not be seen here and the export would be missing at run time.
 */
export function usedLeafletExports(srcDir) {
  const used = new Set();
  for (const file of walk(srcDir)) {
    // Comments out (they may say `shown: Leaflet …`); only those after a line start or a space,
    // so `'*/*'` or `https://` in a string stay.
    const code = readFileSync(file, 'utf8').replace(/(?<=^|\s)(?:\/\*[\s\S]*?\*\/|\/\/.*)/gm, '');
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

/** Throws when a file under `srcDir` uses a part of Leaflet that LEAFLET_CUTS or UNUSED_METHODS removes. */
export function checkLeafletUse(srcDir) {
  const unused = new RegExp(`\\.(?:${UNUSED_METHODS.join('|')})\\b`);
  for (const file of walk(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const match = CUT_API.exec(text) ?? unused.exec(text);
    if (match) throw new Error(`${file} uses ${match[0]}, which scripts/trim-leaflet.mjs cuts from Leaflet for the script-tag bundle: take it out of LEAFLET_CUTS`);
  }
}

/** Rollup plugin: checks src/ and cuts the unused parts out of Leaflet's ESM source. */
export function trimLeaflet({ srcDir }) {
  let keepExports;
  return {
    name: 'trim-leaflet',
    buildStart() {
      checkLeafletUse(srcDir);
      keepExports = usedLeafletExports(srcDir);
    },
    transform(code, id) {
      if (!/leaflet[\\/]dist[\\/]leaflet-src\.esm\.js$/.test(id)) return null;
      return { code: trimLeafletSource(code, { keepExports }), map: null };
    },
  };
}

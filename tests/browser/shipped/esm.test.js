// The suites that drive the map, the keyboard, gestures, selection, links and the print card,
// teardown and odd hosts, run
// against dist/index.js, the ESM build (and its chunks) an npm user gets.
import '../map.test.ts?shipped=esm';
import '../gestures.test.ts?shipped=esm';
import '../keyboard.test.ts?shipped=esm';
import '../selection.test.ts?shipped=esm';
import '../station-links.test.ts?shipped=esm';
import '../reliability/lifecycle.test.ts?shipped=esm';
import '../hosts/host-shapes.test.ts?shipped=esm';
import '../tiled-mode.test.ts?shipped=esm';

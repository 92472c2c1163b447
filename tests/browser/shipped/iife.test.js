// The suites that drive the map, the keyboard, gestures, selection, links and the print card,
// teardown, odd hosts, the path network (its routing code is a side file there) and the tiled mode
// (its tile reader is one), run
// against dist/station-map.iife.js: the trimmed Leaflet and the side files government pages run.
import '../map.test.ts?shipped=iife';
import '../gestures.test.ts?shipped=iife';
import '../keyboard.test.ts?shipped=iife';
import '../selection.test.ts?shipped=iife';
import '../station-links.test.ts?shipped=iife';
import '../reliability/lifecycle.test.ts?shipped=iife';
import '../reliability/network-faults.test.ts?shipped=iife';
import '../hosts/host-shapes.test.ts?shipped=iife';
import '../tiled-mode.test.ts?shipped=iife';

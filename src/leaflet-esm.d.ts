// Leaflet 1.9's package main is UMD; the browser code imports its ESM build, typed by @types/leaflet.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}

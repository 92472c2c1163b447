/**
 * What place search needs beyond the page's own geocoder: the built-in geocoders and the search
 * that debounces and cancels. One module, loaded on the first place search (in the script-tag
 * bundle a side file beside it): most workers never type a place name.
 */
export { createNominatimGeocoder } from './nominatim.js';
export { createPlaceSearch } from './place-search.js';
export { createTiandituGeocoder } from './tianditu.js';

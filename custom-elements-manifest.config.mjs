// Config of `cem analyze` (@custom-elements-manifest/analyzer), run by `npm run build`: writes
// dist/custom-elements.json, the machine-readable API that IDEs, Storybook and scripts/api-table.mjs
// read. The class JSDoc of src/station-map.ts is the source: @fires, @csspart, @cssproperty, @slot.
//
// Only the public surface goes in: private/protected members and Lit's lifecycle are dropped, and
// paths point at the shipped files (dist/index.js), not at src/.

/** Lit and HTMLElement members that are not this element's API. */
const INHERITED = new Set([
  'styles',
  'render',
  'connectedCallback',
  'disconnectedCallback',
  'firstUpdated',
  'willUpdate',
  'updated',
  'shadowRootOptions',
]);

/** Rewrites the manifest so it describes the package a user installs. */
function publicApiPlugin() {
  return {
    name: 'station-map:public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          // Lit's `static properties` table lists internal state (`state: true`) too: no attribute.
          const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
          declaration.members = (declaration.members ?? []).filter(
            (member) => !member.privacy || member.privacy === 'public',
          ).filter((member) => !member.static && !INHERITED.has(member.name));
        }
      }
      // The element and its types are bundled into dist/index.js, which also registers the tag.
      for (const mod of customElementsManifest.modules) {
        if (mod.path === 'src/station-map.ts' || mod.path === 'src/index.ts') mod.path = 'dist/index.js';
        // `export type * from …` shows up as a `*` export; types are not JS exports.
        mod.exports = (mod.exports ?? []).filter((exp) => exp.name !== '*');
        for (const exp of mod.exports) {
          if (exp.declaration) exp.declaration.module = 'dist/index.js';
        }
      }
      const merged = new Map();
      for (const mod of customElementsManifest.modules) {
        const into = merged.get(mod.path);
        if (!into) {
          merged.set(mod.path, { ...mod, declarations: [...(mod.declarations ?? [])], exports: [...(mod.exports ?? [])] });
          continue;
        }
        into.declarations.push(...(mod.declarations ?? []));
        for (const exp of mod.exports ?? []) {
          if (!into.exports.some((e) => e.kind === exp.kind && e.name === exp.name)) into.exports.push(exp);
        }
      }
      customElementsManifest.modules = [...merged.values()];
    },
  };
}

export default {
  globs: ['src/station-map.ts', 'src/index.ts'],
  outdir: 'dist',
  litelement: true,
  // Never rewrite package.json during a build: "customElements" is set there by hand.
  packagejson: false,
  plugins: [publicApiPlugin()],
};

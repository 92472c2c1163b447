/**
 * Shared by the package tests: the custom elements manifest analysed from src/ (as `npm run build`
 * writes it to dist/), so the tests need no build and do not depend on each other's order.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The parts of a custom elements manifest declaration these tests read. */
export interface ManifestItem {
  name: string;
  description?: string;
  type?: { text: string };
}
export interface ManifestMember extends ManifestItem {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  parameters?: ManifestItem[];
  return?: { type?: { text: string } };
}
export interface ManifestAttribute extends ManifestItem {
  fieldName?: string;
}
export interface ManifestElement extends ManifestItem {
  tagName?: string;
  summary?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}
export interface Manifest {
  schemaVersion: string;
  modules: Array<{
    path: string;
    declarations?: ManifestElement[];
    exports?: Array<{ kind: string; name: string; declaration: { name: string; module?: string } }>;
  }>;
}

/** Runs the analyzer on src/ with the project's config, exactly as the build does. */
export function analyzeManifest(): Manifest {
  const out = execFileSync(process.execPath, ['scripts/api-table.mjs', '--print-manifest'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  return JSON.parse(out) as Manifest;
}

/** The `<station-map>` declaration. */
export function findElement(manifest: Manifest): ManifestElement {
  const el = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'station-map');
  if (!el) throw new Error('the manifest declares no <station-map>');
  return el;
}

export function readSource(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

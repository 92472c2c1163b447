/// <reference types="node" />
/**
 * The `station-map` command's entry: Node's file system and streams plugged
 * into {@link runCli}. Output is UTF-8 text without colour codes, which a
 * Chinese Windows console (code page 936) shows correctly since Node writes
 * to a console through its Unicode API. (The reference above: the build's
 * tsconfig names no global types, as the library code must not use Node's.)
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { runCli } from './main.js';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => new Uint8Array(readFileSync(path)),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  writeBinary: (path, chunks) => {
    const fd = openSync(path, 'w');
    try {
      for (const chunk of chunks) for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
    } finally {
      closeSync(fd);
    }
  },
  gzip: (bytes) => gzipSync(bytes),
  version: readVersion(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});

/** The version in the package.json beside dist/ (none when this file runs from elsewhere, as in a test bundle). */
function readVersion(): string | undefined {
  try {
    const json = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
    return json.name === 'station-map' ? json.version : undefined;
  } catch {
    return undefined;
  }
}

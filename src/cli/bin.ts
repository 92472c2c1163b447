/// <reference types="node" />
/**
 * The `station-map` command's entry: Node's file system and streams plugged
 * into {@link runCli}. Output is UTF-8 text without colour codes, which a
 * Chinese Windows console (code page 936) shows correctly since Node writes
 * to a console through its Unicode API. (The reference above: the build's
 * tsconfig names no global types, as the library code must not use Node's.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from './main.js';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => new Uint8Array(readFileSync(path)),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});

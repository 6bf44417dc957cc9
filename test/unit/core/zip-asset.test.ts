/* eslint-disable no-bitwise -- the zip format and CRC-32 are bit fields */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { cachedZip, zipBytes } from '../../../src/core/zip-asset';

/** The entries of a zip, read through its central directory: name, unix mode, inflated content. */
function readZip(zip: Buffer): Array<{ name: string; mode: number; data: Buffer }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(start, start + packedSize));
    expect(data.length).toBe(size);
    out.push({ name, mode, data });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

describe('Lambda code zips', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-asset-'));
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => 1;\n');
    fs.writeFileSync(path.join(dir, 'lib', 'util.js'), 'module.exports = 42;\n'.repeat(50));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every file, sorted, with its content and mode 0644', () => {
    const entries = readZip(zipBytes(dir));
    expect(entries.map((e) => e.name)).toEqual(['index.js', 'lib/util.js']);
    expect(entries.map((e) => e.mode)).toEqual([0o100644, 0o100644]);
    expect(entries[1].data.toString()).toBe('module.exports = 42;\n'.repeat(50));
  });

  test('deterministic: same content, same bytes; changed content, another cached file', () => {
    expect(zipBytes(dir).equals(zipBytes(dir))).toBe(true);
    const first = cachedZip(dir);
    expect(path.basename(first)).toBe('archive.zip');
    expect(cachedZip(dir)).toBe(first);
    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => 2;\n');
    expect(cachedZip(dir)).not.toBe(first);
  });
});

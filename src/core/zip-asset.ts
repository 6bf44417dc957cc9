/* eslint-disable no-bitwise -- the zip format and CRC-32 are bit fields */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deflateRawSync } from 'zlib';
import { Construct } from 'constructs';
import { AssetType, TerraformAsset } from './cdktf';

/** Where zipped directories are cached between synths (keyed by a hash of their content). */
export const ZIP_CACHE_DIR = path.join(os.tmpdir(), 'cdktf-data-pipelines-assets');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Files below `dir`, as sorted relative paths with "/" separators. */
function filesOf(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return filesOf(dir, rel);
      return e.isFile() ? [rel] : [];
    })
    .sort();
}

/**
 * A deterministic zip of `dir` (sorted entries, fixed timestamps, mode 0644, deflated): the same
 * content always gives the same bytes, so the asset hash and Lambda's source_code_hash only change
 * with the code.
 * @internal
 */
export function zipBytes(dir: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const rel of filesOf(dir)) {
    const data = fs.readFileSync(path.join(dir, rel));
    const packed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(rel, 'utf8');
    const crc = crc32(data);
    // DOS date 1980-01-01 00:00: no build time leaks into the archive.
    const [time, date] = [0, (0 << 9) | (1 << 5) | 1];
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, zip 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Path of the cached zip of `dir`, written once per distinct content. @internal */
export function cachedZip(dir: string): string {
  const hash = createHash('sha256');
  for (const rel of filesOf(dir)) hash.update(rel).update('\0').update(fs.readFileSync(path.join(dir, rel))).update('\0');
  const target = path.join(ZIP_CACHE_DIR, hash.digest('hex').slice(0, 32), 'archive.zip');
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(partial, zipBytes(dir));
    fs.renameSync(partial, target);
  }
  return target;
}

/**
 * A Lambda code asset: the directory zipped in-process (cdktf's ARCHIVE assets start a node process
 * per archive at every synth) and copied into the stack's output as `assets/<id>/<hash>/archive.zip`.
 * @internal
 */
export function zipAsset(scope: Construct, id: string, dir: string): TerraformAsset {
  return new TerraformAsset(scope, id, { path: cachedZip(dir), type: AssetType.FILE });
}

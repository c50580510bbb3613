import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test-support/temp-database';
import { detectEnvelope } from './detect';
import { openTransferFileReader, readTransferFileBytes, type TransferUnlock } from './read';
import { createTransferFileWriter, type TransferProtection } from './write';

const dirs = useTempDirs();
const PASSPHRASE = 'maize baobab kettle river';

async function writeFile(file: string, parts: string[], protection: TransferProtection): Promise<number> {
  const writer = await createTransferFileWriter(file, protection);
  for (const part of parts) await writer.write(part);
  return (await writer.finish()).sizeBytes;
}

async function readText(file: string, unlock: TransferUnlock): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of await openTransferFileReader(file, unlock)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}

/** A few hundred KiB of varied text in many writes: more than one age chunk (64 KiB) and gzip block. */
const bigParts = Array.from({ length: 3000 }, (_, i) => `{"n":${i},"text":"${'ü€'.repeat(i % 50)}"},`);

const cases: Array<{ name: string; protection: TransferProtection; envelope: string }> = [
  { name: 'plain', protection: {}, envelope: 'plain' },
  { name: 'gzip', protection: { gzip: true }, envelope: 'gzip' },
  { name: 'age', protection: { passphrase: PASSPHRASE }, envelope: 'age' },
  { name: 'gzip inside age', protection: { passphrase: PASSPHRASE, gzip: true }, envelope: 'age' },
];

describe('transfer file envelope', () => {
  for (const c of cases) {
    it(`${c.name}: streams in and out unchanged, detected by its first bytes`, async () => {
      const file = path.join(dirs.make(), 'out.dala');
      await writeFile(file, bigParts, c.protection);
      expect(detectEnvelope(fs.readFileSync(file).subarray(0, 40))).toBe(c.envelope);
      expect(await readText(file, { passphrase: PASSPHRASE })).toBe(bigParts.join(''));
      expect(fs.readdirSync(path.dirname(file))).toEqual(['out.dala']);
    });
  }

  it('gzip makes a repetitive backup much smaller', async () => {
    const dir = dirs.make();
    const plain = await writeFile(path.join(dir, 'a'), bigParts, {});
    const gzip = await writeFile(path.join(dir, 'b'), bigParts, { gzip: true });
    expect(gzip).toBeLessThan(plain / 5);
  });

  it('an encrypted file holds none of its text, and asks for the passphrase before reading anything', async () => {
    const file = path.join(dirs.make(), 'secret.dalaprofile');
    await writeFile(file, ['{"displayName":"Thandiwe finds fractions hard"}'], { passphrase: PASSPHRASE });
    expect(fs.readFileSync(file, 'latin1')).not.toContain('Thandiwe');
    expect(await failure(openTransferFileReader(file, {}))).toMatchObject({ code: 'passphrase_required' });
    expect(await failure(openTransferFileReader(file, { passphrase: 'maize baobab kettle rivers' }))).toMatchObject({ code: 'wrong_passphrase', message: expect.stringContaining('Nothing was changed') });
  });

  it('a changed byte in the encrypted data or a cut-short file is "damaged", not a crash', async () => {
    const dir = dirs.make();
    const file = path.join(dir, 'f.age');
    await writeFile(file, bigParts, { passphrase: PASSPHRASE });
    const bytes = fs.readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[bytes.byteLength - 100] = (flipped[bytes.byteLength - 100] ?? 0) ^ 1;
    fs.writeFileSync(path.join(dir, 'flipped'), flipped);
    fs.writeFileSync(path.join(dir, 'short'), bytes.subarray(0, bytes.byteLength - 70_000));
    fs.writeFileSync(path.join(dir, 'header'), Buffer.from(bytes.toString('latin1').replace('-> scrypt', '-> scrypt extra'), 'latin1'));
    for (const name of ['flipped', 'short']) expect(await failure(readText(path.join(dir, name), { passphrase: PASSPHRASE })), name).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('damaged') });
    expect(await failure(readText(path.join(dir, 'header'), { passphrase: PASSPHRASE }))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('damaged') });
  });

  it('a cut-short gzip file is "damaged"', async () => {
    const dir = dirs.make();
    const file = path.join(dir, 'f.gz');
    await writeFile(file, bigParts, { gzip: true });
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 5000));
    expect(await failure(readText(file, {}))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('compressed data') });
  });

  it('a missing file and a missing folder are clear errors; an aborted write leaves nothing', async () => {
    const dir = dirs.make();
    expect(await failure(openTransferFileReader(path.join(dir, 'nope'), {}))).toMatchObject({ code: 'not_found', message: expect.stringContaining('there is no such file') });
    expect(await failure(createTransferFileWriter(path.join(dir, 'no', 'f'), {}))).toMatchObject({ code: 'not_found', message: expect.stringContaining('does not exist') });
    for (const protection of cases.map((c) => c.protection)) {
      const writer = await createTransferFileWriter(path.join(dir, 'f'), protection);
      await writer.write('half a file');
      await writer.abort();
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  it('readTransferFileBytes stops one byte past the limit', async () => {
    const file = path.join(dirs.make(), 'f');
    await writeFile(file, bigParts, { gzip: true });
    expect((await readTransferFileBytes(file, {}, 1000)).byteLength).toBe(1001);
    expect((await readTransferFileBytes(file, {}, 10_000_000)).toString('utf8')).toBe(bigParts.join(''));
  });
});

/** The `age` tool reads a passphrase only from a terminal: python's pty gives it one. */
function runAgeWithPassphrase(args: string[], passphrase: string): { status: number | null; output: string } {
  const script = `
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp('age', sys.argv[1:])
out = b''
sent = 0
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    out += data
    # age asks twice when encrypting (passphrase, then confirm), once when decrypting.
    while out.lower().count(b'passphrase') > sent:
        sent += 1
        os.write(fd, os.environ['AGE_TEST_PASSPHRASE'].encode() + b'\\n')
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;
  const run = spawnSync('python3', ['-c', script, 'age', ...args], { encoding: 'utf8', env: { ...process.env, AGE_TEST_PASSPHRASE: passphrase }, timeout: 30_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

const ageInstalled = spawnSync('sh', ['-c', 'command -v age']).status === 0;

// CI installs Debian's age (.ci/run); elsewhere these are skipped when it is missing.
describe.skipIf(!ageInstalled && !process.env.CI)('interoperability with the standard age tool', () => {
  it('a file the app encrypts (gzip inside) opens with `age -d` and the passphrase', async () => {
    const dir = dirs.make();
    const file = path.join(dir, 'backup.dala-backup');
    await writeFile(file, bigParts, { passphrase: PASSPHRASE });
    const run = runAgeWithPassphrase(['-d', '-o', path.join(dir, 'plain.json'), file], PASSPHRASE);
    expect(run.status, run.output).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'plain.json'), 'utf8')).toBe(bigParts.join(''));
  });

  it('a file `age -p` encrypts opens in the app with the passphrase and is refused with another', async () => {
    const dir = dirs.make();
    fs.writeFileSync(path.join(dir, 'plain.json'), bigParts.join(''));
    const run = runAgeWithPassphrase(['-p', '-o', path.join(dir, 'file.age'), path.join(dir, 'plain.json')], PASSPHRASE);
    expect(run.status, run.output).toBe(0);
    expect(await readText(path.join(dir, 'file.age'), { passphrase: PASSPHRASE })).toBe(bigParts.join(''));
    expect(await failure(readText(path.join(dir, 'file.age'), { passphrase: 'not it' }))).toMatchObject({ code: 'wrong_passphrase' });
  });
});

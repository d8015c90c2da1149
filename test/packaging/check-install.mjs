// Install check (after `npm run build`): the package as npm publishes it (`npm pack`) installs into an empty project
// with no network, its `kinesim` bin runs, `kinesim serve` answers a Kinesis request, and both module formats load.
// A git checkout installs the same way: the `prepare` script builds dist/ first.
// Run with `npm run check:install`; prints one line per check and exits non-zero on the first failure.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
assert.equal(pkg.scripts.prepare, 'tsup', 'a git install needs `prepare` to build dist/');
assert.equal(pkg.bin.kinesim, './dist/cli.js');
assert.match(readFileSync(join(root, 'dist/cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);

const work = mkdtempSync(join(tmpdir(), 'kinesim-install-'));
try {
  // dist/ is already built: pack it as is (npm pack would otherwise run `prepare` again).
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);
  const project = join(work, 'project');
  execFileSync('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(work, tarball)], { cwd: project, stdio: 'inherit' });
  console.log(`npm pack + npm install: ${tarball} installs with no network`);

  const bin = join(project, 'node_modules/.bin/kinesim');
  assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8' }), `kinesim ${pkg.version}\n`);
  assert.match(execFileSync(bin, ['serve', '--help'], { encoding: 'utf8' }), /--tls-cert <file>/);
  console.log('bin: kinesim --version and kinesim serve --help run');

  const esm = execFileSync(process.execPath, ['--input-type=module', '-e', "import { Kinesis } from 'kinesim'; import { startHttpServer } from 'kinesim/http'; console.log(typeof Kinesis, typeof startHttpServer)"], { cwd: project, encoding: 'utf8' });
  const cjs = execFileSync(process.execPath, ['-e', "const { Kinesis } = require('kinesim'); const { startHttpServer } = require('kinesim/http'); console.log(typeof Kinesis, typeof startHttpServer)"], { cwd: project, encoding: 'utf8' });
  assert.equal(esm, 'function function\n');
  assert.equal(cjs, 'function function\n');
  console.log("modules: import and require of 'kinesim' and 'kinesim/http' load");

  await serveOnce(bin);
  console.log('serve: kinesim serve --port 0 answers ListStreams and stops on SIGTERM');
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function serveOnce(bin) {
  const child = spawn(bin, ['serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(/https?:\/\/\S+/.exec(String(chunk))?.[0]));
    child.once('exit', (code) => reject(new Error(`kinesim serve exited ${code}`)));
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'Kinesis_20131202.ListStreams',
      'x-amz-date': '20240101T000000Z',
      authorization: 'AWS4-HMAC-SHA256 Credential=k/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
    },
    body: '{}',
  });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { StreamNames: [], HasMoreStreams: false, StreamSummaries: [] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
}

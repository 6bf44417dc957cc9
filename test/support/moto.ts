/**
 * The moto AWS emulator as a child process on loopback, for the emulator tier.
 *
 * moto's request log goes to a file, never a pipe: a test blocked in a synchronous `terraform
 * apply` does not read pipes, and a full pipe would stall the server.
 *
 * The server is `scripts/moto-server.py`: moto's application, one request at a time (moto is not
 * thread-safe; the script says what that fixed).
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Availability } from './terraform';

/** Loopback only: nothing here talks to any other address. */
export const MOTO_HOST = '127.0.0.1';
/** Region the emulator tier deploys to. */
export const MOTO_REGION = 'us-east-1';
/** Dummy credentials (moto accepts any). */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const PYTHON = process.env.MOTO_PYTHON ?? 'python3';
/** moto's server without threads (see its docstring). */
const SERVER_SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'moto-server.py');

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** File holding moto's stdout and stderr. */
  readonly logFile: string;
  /** The last lines of moto's log (for failure messages). */
  logTail(lines?: number): string;
  /** Stops the server (its whole process group) and removes its temp folder. Idempotent. */
  stop(): Promise<void>;
}

/** Whether python3 with moto's server mode is installed; the reason when not. */
export function motoAvailable(): Availability {
  const probe = spawnSync(PYTHON, ['-c', 'import moto, moto.moto_server.werkzeug_app, werkzeug.serving, flask; print(moto.__version__)'], {
    encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (probe.error) return { ok: false, reason: `${PYTHON} not runnable (${probe.error.message})` };
  if (probe.status !== 0) {
    const last = probe.stderr.trim().split('\n').pop() ?? '';
    return { ok: false, reason: `${PYTHON} cannot import moto's server mode (${last}); install it with pip install 'moto[server]'` };
  }
  return { ok: true, detail: `moto ${probe.stdout.trim()}` };
}

/** A port that was free on loopback a moment ago. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, MOTO_HOST, () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the process is still running (not exited). */
function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch { /* already gone */ }
}

export interface StartMotoOptions {
  /** How long to wait for the server to answer. @default 30000 */
  readonly readyTimeoutMs?: number;
}

/** Starts moto's server (one request at a time) on a free loopback port and waits until it answers. */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-dp-moto-'));
  const logFile = path.join(dir, 'moto.log');
  const port = await freePort();
  const url = `http://${MOTO_HOST}:${port}`;
  const log = fs.openSync(logFile, 'a');
  const child = spawn(PYTHON, [SERVER_SCRIPT, MOTO_HOST, String(port)], {
    cwd: dir,
    // Its own process group, so stop() ends the server and anything it started.
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, AWS_DEFAULT_REGION: MOTO_REGION, MOTO_PORT: String(port), PYTHONUNBUFFERED: '1' },
  });
  fs.closeSync(log);
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** Waits for the exit, at most `ms` (the timer is cleared so it never keeps the process alive). */
  const waitExit = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => { timer = setTimeout(resolve, ms); })]);
    clearTimeout(timer);
  };
  // Last resort if the test process exits without afterAll (a crash, a killed worker).
  const onExit = () => pid && killGroup(pid, 'SIGKILL');
  process.once('exit', onExit);

  const logTail = (lines = 40) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no moto log)';
    }
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (pid && running(child)) {
      killGroup(pid, 'SIGTERM');
      await waitExit(5_000);
      if (running(child)) {
        killGroup(pid, 'SIGKILL');
        await waitExit(2_000);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  if (!pid) {
    await stop();
    throw new Error(`moto did not start: ${PYTHON} could not be spawned`);
  }
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (!running(child)) {
      const tail = logTail();
      await stop();
      throw new Error(`moto exited (code ${child.exitCode}, signal ${child.signalCode}) before answering on ${url}:\n${tail}`);
    }
    try {
      // Any HTTP answer means the server is up.
      await fetch(`${url}/moto-api/data.json`, { signal: AbortSignal.timeout(2_000) });
      return { url, port, pid, logFile, logTail, stop };
    } catch {
      await sleep(250);
    }
  }
  const tail = logTail();
  await stop();
  throw new Error(`moto did not answer on ${url} within ${readyTimeoutMs} ms:\n${tail}`);
}

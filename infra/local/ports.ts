import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port the OS considers free on `host` right now. Another process can still take it
 * before the caller binds it, so callers that can bind port 0 themselves should.
 *
 * It is drawn at random from outside the kernel's ephemeral range: a port the kernel hands
 * out for port 0 is also one it hands to any outgoing connection, so a port found that way
 * could be taken by some other process's connection before the caller binds it.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const range = listeningRange();
  if (!range) return kernelChosenPort(host);
  const [low, high] = range;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canBind(port, host)) return port;
  }
  return kernelChosenPort(host);
}

/**
 * Ports below the ephemeral range (Linux: 32768–60999 by default; macOS, Windows:
 * 49152–65535), or none where a machine's ephemeral range starts too low to leave room.
 */
function listeningRange(): [number, number] | undefined {
  let ephemeralLow = 32768;
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && Number.isInteger(low)) ephemeralLow = low;
  } catch {
    // Not Linux: the default ephemeral ranges elsewhere start higher.
  }
  const high = Math.min(ephemeralLow - 1, 32767);
  return high - 20000 >= 1000 ? [20000, high] : undefined;
}

function canBind(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function kernelChosenPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error(`could not get a free port on ${host}`))));
    });
  });
}

/**
 * Fails with a message that names the service and how to move it, rather than letting a
 * child process die later with a bare EADDRINUSE.
 *
 * @param envVar the variable that moves this service, e.g. `PORT`, used in the hint
 */
export async function assertPortFree(port: number, host: string, what: string, envVar?: string): Promise<void> {
  const move = envVar ? `set ${envVar}=<another port>` : 'choose another port';
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`port ${port} (${what}) on ${host} is in use; ${move} or stop the process using it`));
      } else if (error.code === 'EACCES') {
        reject(new Error(`port ${port} (${what}) on ${host} needs privileges to bind; ${move} (above 1023)`));
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(new Error(`cannot bind ${what} to ${host}: no such local address`));
      } else {
        reject(new Error(`cannot bind ${what} to ${host}:${port}: ${error.message}`));
      }
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * The URL a local client uses to reach a server bound to `host`: a wildcard bind is
 * reached over loopback, and IPv6 literals are bracketed.
 */
export function httpUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

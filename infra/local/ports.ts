import { createServer } from 'node:net';

/**
 * A port the OS considers free on `host` right now. Another process can still take it
 * before the caller binds it, so callers that can bind port 0 themselves should.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
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

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { assertPortFree, freePort, httpUrl } from '../../../infra/local/ports.js';

const RANGE = '/proc/sys/net/ipv4/ip_local_port_range';

describe('ports', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  const listen = (port: number, host: string) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer();
      servers.push(server);
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });

  it('finds a port that can then be bound', async () => {
    const port = await freePort();
    await expect(assertPortFree(port, '127.0.0.1', 'API')).resolves.toBeUndefined();
    await listen(port, '127.0.0.1');
  });

  it('draws ports outside the range the kernel gives outgoing connections, so none of those can take one first', async () => {
    const ephemeralLow = existsSync(RANGE) ? Number(readFileSync(RANGE, 'utf8').trim().split(/\s+/)[0]) : 49152;
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20000);
      expect(port).toBeLessThan(Math.min(ephemeralLow, 32768));
    }
  });

  it('names the service and the variable to change when its port is taken', async () => {
    const port = await freePort();
    await listen(port, '127.0.0.1');
    await expect(assertPortFree(port, '127.0.0.1', 'API', 'PORT')).rejects.toThrow(
      `port ${port} (API) on 127.0.0.1 is in use; set PORT=<another port> or stop the process using it`,
    );
  });

  it('builds URLs a local client can use', () => {
    expect(httpUrl('127.0.0.1', 80)).toBe('http://127.0.0.1:80');
    expect(httpUrl('0.0.0.0', 80)).toBe('http://127.0.0.1:80');
    expect(httpUrl('::1', 80)).toBe('http://[::1]:80');
  });
});

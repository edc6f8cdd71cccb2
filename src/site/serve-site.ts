/**
 * A small static file server for the built site, bound to 127.0.0.1 only (never to other
 * interfaces). Serves files under the site folder and nothing outside it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { GradproofError } from '../symbolic/index.ts';

/** Options of {@link serveSite}. */
export interface ServeSiteOptions {
  /** The built site folder. */
  readonly dir: string;
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
}

/** A running server. */
export interface SiteServer {
  /** e.g. `http://127.0.0.1:43817/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The only address served on: local connections only. */
export const SERVE_HOST = '127.0.0.1';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

/**
 * Serves `dir` on 127.0.0.1.
 * @throws GradproofError GP_NOT_FOUND when `dir` has no index.html; GP_INPUT when the port is taken or invalid.
 */
export async function serveSite(options: ServeSiteOptions): Promise<SiteServer> {
  const root = resolve(options.dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new GradproofError('GP_NOT_FOUND', `site folder: expected ${join(root, 'index.html')} (run 'gradproof docs build' first), got none`);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GradproofError('GP_INPUT', `--port: expected an integer from 0 to 65535, got ${port}`);
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if ((file !== root && !file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (error) => fail(new GradproofError('GP_INPUT', `--port: expected a free port, got ${port} (${(error as Error).message})`, { cause: error })));
    server.listen(port, SERVE_HOST, () => ok());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${SERVE_HOST}:${actual}/`,
    port: actual,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

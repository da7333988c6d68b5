/**
 * Listening on the configured port, with errors an operator can act on: a port already in use
 * or a port that needs privileges names PORT instead of failing later on a null address.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The port cannot be used; `npm start` exits 2 on it (a setting to fix, like a bad variable). */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

export function listenMessage(port: number, code: string | undefined): string {
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use (EADDRINUSE): another process is listening on it. Set PORT to a free port, or stop the other process.`;
    case 'EACCES':
      return `Port ${port} needs privileges this user does not have (EACCES): set PORT to a port above 1023 (and put a reverse proxy in front for 80/443).`;
    default:
      return `Cannot listen on port ${port} (${code ?? 'error'}): set PORT to a free port.`;
  }
}

export async function listen(
  handler: RequestListener,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(new ListenError(listenMessage(port, err.code), err.code ?? 'error'));
    };
    server.once('error', onError);
    server.listen(port, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

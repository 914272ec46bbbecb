// Minimal realtime clients over `ws`, for load generation only: a Socket.IO v5 / Engine.IO v4
// client and a plain-WebSocket one (/ws/contacts/). The server sees exactly what a
// socket.io-client WebSocket connection (or a browser's WebSocket) does (handshake,
// namespace CONNECT with its auth payload, ping/pong), but each event costs the bench one
// frame parse and one JSON.parse instead of the library's emitter chain, so 1,000 clients
// on the server's own 2 cores measure the server rather than the client library.
import WebSocket from 'ws';

const ENGINE_OPEN = '0';
const ENGINE_PING = '2';
const ENGINE_PONG = '3';
const MESSAGE = '4'; // Engine.IO message; Socket.IO packet type follows
const SIO_CONNECT = '0';
const SIO_EVENT = '2';
const SIO_CONNECT_ERROR = '4';

/**
 * Connects to `namespace` on `baseUrl` (http://host:port) and calls `onEvent(name, payload)`
 * for every server event. Resolves once the namespace CONNECT is acknowledged.
 * `auth` (e.g. `{ token }`) travels in the CONNECT packet as socket.io-client's `auth`
 * option does; `headers` (e.g. a session cookie and its Origin) go on the upgrade request.
 * @param {string} baseUrl
 * @param {string} namespace
 * @param {(name: string, payload: any) => void} onEvent
 * @param {{ auth?: Record<string, string>, headers?: Record<string, string> }} [options]
 */
export function connectWireClient(baseUrl, namespace, onEvent, { auth, headers } = {}) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const eventPrefix = `${MESSAGE}${SIO_EVENT}${namespace},`;
  const connectPrefix = `${MESSAGE}${SIO_CONNECT}${namespace},`;
  const errorPrefix = `${MESSAGE}${SIO_CONNECT_ERROR}${namespace},`;
  const connectPacket = `${MESSAGE}${SIO_CONNECT}${namespace},${auth ? JSON.stringify(auth) : ''}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, headers });
    let connected = false;
    const client = { close: () => ws.close() };
    ws.on('error', (error) => (connected ? undefined : reject(error)));
    ws.on('close', () => connected || reject(new Error(`${url}: closed before CONNECT`)));
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith(eventPrefix)) {
        const [name, payload] = JSON.parse(text.slice(eventPrefix.length));
        onEvent(name, payload);
      } else if (text === ENGINE_PING) {
        ws.send(ENGINE_PONG);
      } else if (text.startsWith(ENGINE_OPEN)) {
        ws.send(connectPacket);
      } else if (text.startsWith(connectPrefix)) {
        connected = true;
        resolve(client);
      } else if (text.startsWith(errorPrefix)) {
        reject(new Error(`CONNECT refused: ${text.slice(errorPrefix.length)}`));
        ws.close();
      }
    });
  });
}

/**
 * The plain WebSocket endpoint (`/ws/contacts/`, one JSON text frame per event): calls
 * `onEvent(type, event)` per frame. `token` goes in `?token=` (as a script would send it),
 * `headers` on the upgrade. Resolves once the upgrade is accepted; a refused upgrade (401)
 * rejects with its status.
 * @param {string} baseUrl
 * @param {(name: string, payload: any) => void} onEvent
 * @param {{ token?: string, headers?: Record<string, string> }} [options]
 */
export function connectPlainWsClient(baseUrl, onEvent, { token, headers } = {}) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/ws/contacts/${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, headers });
    let open = false;
    ws.on('unexpected-response', (request, response) => {
      request.destroy(); // ws leaves a refused upgrade to whoever listens for it
      reject(new Error(`/ws/contacts/ upgrade refused: ${response.statusCode}`));
    });
    ws.on('error', (error) => (open ? undefined : reject(error)));
    ws.on('open', () => {
      open = true;
      resolve({ close: () => ws.close() });
    });
    ws.on('message', (data) => {
      const event = JSON.parse(data.toString());
      onEvent(event.type, event);
    });
  });
}

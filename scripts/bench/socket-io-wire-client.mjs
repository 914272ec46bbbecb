// A minimal Socket.IO v5 / Engine.IO v4 client over `ws`, for load generation only.
// The server sees exactly what a socket.io-client WebSocket connection does (handshake,
// namespace CONNECT, ping/pong), but each event costs the bench one frame parse and one
// JSON.parse instead of the library's emitter chain, so 1,000 clients on the server's
// own 2 cores measure the server rather than the client library.
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
 */
export function connectWireClient(baseUrl, namespace, onEvent) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const eventPrefix = `${MESSAGE}${SIO_EVENT}${namespace},`;
  const connectPrefix = `${MESSAGE}${SIO_CONNECT}${namespace},`;
  const errorPrefix = `${MESSAGE}${SIO_CONNECT_ERROR}${namespace},`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
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
        ws.send(`${MESSAGE}${SIO_CONNECT}${namespace},`);
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

import { WebSocket } from 'ws';

/** A client this far behind is dropped; it reconnects and catches up through /api/changes/. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * What of `ws` a pre-encoded write needs. `_sender.sendFrame` is the hook engine.io itself
 * uses for broadcasts (websockets/ws#617): it writes the given bytes as they are.
 */
export interface FrameSocket {
  readonly readyState: number;
  /** Bytes written but not yet taken by the kernel: what a client that stops reading piles up. */
  readonly bufferedAmount: number;
  readonly _sender: { sendFrame(list: Buffer[], callback?: (error?: Error) => void): void };
  terminate(): void;
}

/**
 * One whole WebSocket text frame, header and payload in a single buffer: unmasked and
 * uncompressed (server to client, per-message deflate off), so the bytes are the same for
 * every client. Built once per event and written as is to each socket: one write call,
 * no per-client encoding or framing.
 */
export function textFrame(payload: string): Buffer {
  const length = Buffer.byteLength(payload);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(payload, headerLength, 'utf8');
  return frame;
}

/**
 * Writes a pre-built frame to an open client, or drops the client when more than `limit`
 * bytes already wait for it (`queued`: what waits above the socket, e.g. engine.io's own
 * buffer). False when nothing was written.
 */
export function writeFrameOrDrop(socket: FrameSocket, frame: Buffer, limit: number, queued = 0): boolean {
  if (socket.readyState !== WebSocket.OPEN) return false;
  if (socket.bufferedAmount + queued > limit) {
    socket.terminate();
    return false;
  }
  socket._sender.sendFrame([frame]);
  return true;
}

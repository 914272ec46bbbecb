import type { Namespace, Socket } from 'socket.io';
import type { ContactEventMap } from '@contacts/wire-types';
import { type FrameSocket, textFrame, writeFrameOrDrop } from './text-frame.js';

/** Engine.IO message packet type: the Socket.IO packet follows it in the frame. */
const ENGINE_MESSAGE = '4';
/** Socket.IO EVENT packet type (socket.io-parser). */
const EVENT = 2;

/** What of an engine.io connection the fan-out reads (engine.io's own fields). */
interface EngineConnection {
  readyState: string;
  upgrading: boolean;
  /** Packets engine.io holds until its transport is writable again (or polled). */
  writeBuffer: { data?: unknown; options?: { wsPreEncodedFrame?: Buffer[] } }[];
  transport: { name: string; socket?: FrameSocket };
  close(discard: boolean): void;
}

interface SocketInternals {
  conn: EngineConnection;
  client: { writeToEngine(encoded: unknown[], options: Record<string, unknown>): void };
}

type AnyNamespace = Namespace<any, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type AnySocket = Socket<any, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Bytes engine.io holds for a connection above its socket (only walked when it holds any). */
function queuedBytes(conn: EngineConnection): number {
  let bytes = 0;
  for (const packet of conn.writeBuffer) {
    const frame = packet.options?.wsPreEncodedFrame;
    if (frame) for (const part of frame) bytes += part.length;
    else if (typeof packet.data === 'string') bytes += packet.data.length;
    else if (Buffer.isBuffer(packet.data)) bytes += packet.data.length;
  }
  return bytes;
}

/**
 * Emits to this replica's sockets in some rooms, as `namespace.local.to(rooms).except(except).emit()`
 * would, but with the WebSocket frame built once per event: each WebSocket client gets
 * the same buffer in one write, without engine.io's per-socket packet, flush and
 * callback machinery. A client that stops reading is dropped once more than `limit`
 * bytes wait for it (as on the plain WebSocket): it reconnects and catches up through
 * /api/changes/.
 *
 * Order per client is kept: while engine.io holds packets of its own for a client (a
 * ping or a direct emit waiting for the socket, an upgrade, long-polling), its events
 * go through engine.io behind them instead.
 */
export class SocketIoFanout {
  constructor(
    private readonly namespace: AnyNamespace,
    private readonly limit: number,
  ) {}

  /** Emits `event` under its own type (the event map's name for it). */
  emit<K extends keyof ContactEventMap>(rooms: readonly string[], except: readonly string[], event: ContactEventMap[K] & { type: K }): void {
    const name = event.type;
    const targets = this.socketsIn(rooms, except);
    if (targets.length === 0) return;
    const encoded = this.namespace.server.encoder.encode({ type: EVENT, nsp: this.namespace.name, data: [name, event] }) as unknown[];
    // A binary attachment would need several frames: engine.io's own path (never for JSON events).
    if (encoded.length !== 1 || typeof encoded[0] !== 'string') {
      this.namespace.local.to([...rooms]).except([...except]).emit(name, event);
      return;
    }
    const payload = ENGINE_MESSAGE + encoded[0];
    const frame = textFrame(payload);
    const headerLength = frame.length - Buffer.byteLength(payload);
    // For engine.io's own path: the same bytes, split as the adapter hands them (header, payload).
    const viaEngine = { preEncoded: true, wsPreEncodedFrame: [frame.subarray(0, headerLength), frame.subarray(headerLength)] };
    for (const socket of targets) {
      const { conn, client } = socket as unknown as SocketInternals;
      if (conn.readyState !== 'open') continue;
      const ws = conn.transport.name === 'websocket' ? conn.transport.socket : undefined;
      if (ws && conn.writeBuffer.length === 0 && !conn.upgrading) {
        writeFrameOrDrop(ws, frame, this.limit);
        continue;
      }
      const waiting = queuedBytes(conn) + (ws?.bufferedAmount ?? 0);
      if (waiting > this.limit) {
        // A WebSocket is cut at once (a close frame would queue behind the backlog);
        // long-polling discards what it never fetched.
        if (ws) ws.terminate();
        else conn.close(true);
        continue;
      }
      client.writeToEngine(encoded, viaEngine);
    }
  }

  /** The connected sockets of this replica in any of `rooms` and none of `except`, each once. */
  private socketsIn(rooms: readonly string[], except: readonly string[]): AnySocket[] {
    const byRoom = this.namespace.adapter.rooms;
    const sockets = this.namespace.sockets;
    const excluded = except.map((room) => byRoom.get(room)).filter((ids) => ids !== undefined);
    const sets = rooms.map((room) => byRoom.get(room)).filter((ids): ids is Set<string> => ids !== undefined && ids.size > 0);
    const seen = sets.length > 1 ? new Set<string>() : null;
    const out: AnySocket[] = [];
    for (const ids of sets) {
      for (const id of ids) {
        if (seen) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        if (excluded.some((out) => out.has(id))) continue;
        const socket = sockets.get(id);
        if (socket) out.push(socket);
      }
    }
    return out;
  }
}

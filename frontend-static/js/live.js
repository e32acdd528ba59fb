// Live stream client for /ws (see shared/design/live-protocol.md): one socket, several topics,
// resume with `since` after a reconnect or a seq gap, exponential backoff with jitter.

const PING_INTERVAL_MS = 30000;
const BACKOFF_MIN_MS = 1000;
const BACKOFF_MAX_MS = 30000;

function defaultUrl() {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/ws`;
}

function safely(fn, ...args) {
  if (typeof fn !== 'function') return;
  try {
    fn(...args);
  } catch (err) {
    console.error('live handler failed', err); // one broken handler must not stop the stream
  }
}

/**
 * handlers per topic: {snapshot(data, seq), event(type, data, seq, ts), error(code, message)}.
 * States reported to onstate(cb): "connecting", "open", "reconnecting".
 */
export class LiveClient {
  constructor(url = defaultUrl()) {
    this.url = url;
    this.socket = null;
    this.topics = new Map(); // topic -> {handlers, seq, resyncing}
    this.pending = new Map(); // ref -> {topic, op}
    this.refCounter = 0;
    this.attempt = 0;
    this.stateListeners = [];
    this.state = 'connecting';
    this.reconnectTimer = null;
    this.pingTimer = null;
    this.closed = false;
    this.everOpened = false;
    window.addEventListener('online', () => {
      if (this.reconnectTimer) {
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = null;
        this.connect();
      }
    });
  }

  /** Registers a listener for connection state changes and calls it with the current state. */
  onstate(cb) {
    this.stateListeners.push(cb);
    safely(cb, this.state);
  }

  setState(state) {
    if (state === this.state) return;
    this.state = state;
    for (const cb of this.stateListeners) safely(cb, state);
  }

  nextRef() {
    this.refCounter += 1;
    return String(this.refCounter);
  }

  send(frame) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Opens the socket (called automatically by the first join). */
  connect() {
    if (this.closed) return;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    this.setState(this.everOpened ? 'reconnecting' : 'connecting');
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => this.handleOpen(socket));
    socket.addEventListener('message', (event) => this.handleMessage(event.data));
    socket.addEventListener('close', () => this.handleClose(socket));
    // 'error' is always followed by 'close', which does the reconnecting.
  }

  handleOpen(socket) {
    if (socket !== this.socket) return;
    this.attempt = 0;
    this.everOpened = true;
    this.setState('open');
    for (const topic of this.topics.keys()) this.sendJoin(topic);
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.send({ op: 'ping', ref: this.nextRef() }), PING_INTERVAL_MS);
  }

  handleClose(socket) {
    if (socket !== this.socket) return;
    this.socket = null;
    this.pending.clear();
    clearInterval(this.pingTimer);
    this.pingTimer = null;
    if (this.closed) return;
    this.setState('reconnecting');
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    if (this.reconnectTimer || this.closed) return;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    const delay = Math.min(BACKOFF_MAX_MS, Math.max(BACKOFF_MIN_MS, base * (0.75 + Math.random() * 0.5)));
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  /** Joins a topic; resumes from the last durable seq seen after reconnects. */
  join(topic, handlers) {
    this.topics.set(topic, { handlers: handlers || {}, seq: null, resyncing: false });
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.sendJoin(topic);
    else this.connect();
  }

  leave(topic) {
    if (!this.topics.delete(topic)) return;
    const ref = this.nextRef();
    this.send({ op: 'leave', topic, ref });
  }

  /** Stops for good: no reconnects. */
  close() {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    if (this.socket) this.socket.close(1000);
  }

  sendJoin(topic) {
    const entry = this.topics.get(topic);
    if (!entry) return;
    const ref = this.nextRef();
    const frame = { op: 'join', topic, ref };
    if (entry.seq !== null) frame.since = entry.seq;
    if (this.send(frame)) {
      entry.resyncing = true; // until the reply: frames past a gap are dropped, not chased
      this.pending.set(ref, { topic, op: 'join' });
    }
  }

  /** After a gap: leave and rejoin with since = last seq, ignoring out-of-order frames meanwhile. */
  resync(topic) {
    const entry = this.topics.get(topic);
    if (!entry || entry.resyncing) return;
    this.send({ op: 'leave', topic, ref: this.nextRef() });
    this.sendJoin(topic);
  }

  handleMessage(raw) {
    let msg;
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    if (!msg || typeof msg !== 'object') return;
    switch (msg.op) {
      case 'reply':
        this.handleReply(msg);
        break;
      case 'snapshot':
        this.handleSnapshot(msg);
        break;
      case 'event':
        this.handleEvent(msg);
        break;
      default:
        break; // pong and anything unknown
    }
  }

  handleReply(msg) {
    const request = this.pending.get(msg.ref);
    if (!request) return;
    this.pending.delete(msg.ref);
    const entry = this.topics.get(request.topic);
    if (!entry) return;
    if (msg.status === 'ok') {
      entry.resyncing = false;
      return;
    }
    const code = (msg.error && msg.error.code) || 'error';
    if (code === 'bad_since') {
      // The server no longer knows our position: start over from a snapshot.
      entry.seq = null;
      entry.resyncing = false;
      this.sendJoin(request.topic);
      return;
    }
    entry.resyncing = false;
    safely(entry.handlers.error, code, msg.error && msg.error.message);
  }

  handleSnapshot(msg) {
    const entry = this.topics.get(msg.topic);
    if (!entry) return;
    if (typeof msg.seq === 'number') entry.seq = msg.seq;
    entry.resyncing = false;
    safely(entry.handlers.snapshot, msg.data || {}, msg.seq);
  }

  handleEvent(msg) {
    const entry = this.topics.get(msg.topic);
    if (!entry) return;
    if (typeof msg.seq === 'number') {
      if (entry.seq !== null) {
        if (msg.seq <= entry.seq) return; // already seen
        if (msg.seq > entry.seq + 1) {
          this.resync(msg.topic);
          return;
        }
      }
      entry.seq = msg.seq;
    }
    safely(entry.handlers.event, msg.type, msg.data || {}, msg.seq, msg.ts);
  }
}

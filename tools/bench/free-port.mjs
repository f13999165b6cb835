// Prints a TCP port on 127.0.0.1 that is free now, for nginx, which cannot report the port
// it binds. As the end-to-end tests' helper does (e2e/src/servers.rs), it is
// taken from below the range the system hands out for port 0 and for outgoing connections,
// so that the browser's own connections cannot take it before nginx binds it.
import fs from 'node:fs';
import net from 'node:net';

const FROM = 20000;

/** Whether `port` can be listened on now (0: whichever the system picks). Resolves the port, or null. */
function tryListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

let low = 32768;
try {
  low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
} catch {
  // Not Linux: the system's default range.
}
let port = null;
if (low > FROM + 1000) {
  const span = low - FROM;
  const start = process.pid % span;
  for (let n = 0; n < span && port === null; n += 1) port = await tryListen(FROM + ((start + n) % span));
}
// No room below the range, or nothing free there: the system's pick.
console.log(port ?? await tryListen(0));

// Prints a TCP port on 127.0.0.1 that is free now: the one the system hands out for port 0.
import net from 'node:net';

const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  server.close(() => console.log(port));
});

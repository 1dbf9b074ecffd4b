// Starts `talentwar serve` on a free port for a browser test and resolves to its address
// (and the process, to stop it): the address is read from the line the server prints.
import { spawn } from 'node:child_process';

export function startServer(bin, db) {
  const server = spawn(bin, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[\d.]+:\d+/);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    setTimeout(() => reject(new Error('server did not start')), 15000);
  });
  return { server, base };
}

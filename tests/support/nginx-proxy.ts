import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface NginxProxy {
  /** https://127.0.0.1:<port>, what browsers would see. */
  url: string;
  port: number;
  /** The test certificate (PEM), to trust in the client. */
  certificate: string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now; nginx cannot be told to pick one itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function assertNginxInstalled(): void {
  if (!fs.existsSync(nginxPath)) {
    throw new Error(`nginx is missing at ${nginxPath}: install it with \`apt-get install -y nginx\` (or set NGINX_PATH). The reverse-proxy test needs a real TLS-terminating proxy.`);
  }
}

function testCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile,
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { certFile, keyFile };
}

function configText(dir: string, port: number, upstream: string, certFile: string, keyFile: string): string {
  return `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${certFile};
    ssl_certificate_key ${keyFile};
    client_max_body_size 21m;
    location / {
      proxy_pass ${upstream};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

/** Resolves once nginx has written its pid file, which it does after binding its listening socket. */
function pidFileWritten(child: ChildProcess, pidFile: string, errorLog: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(pidFile), () => {
      if (fs.existsSync(pidFile)) done();
    });
    const onExit = (code: number | null) => {
      watcher.close();
      reject(new Error(`nginx exited with ${code} before listening:\n${fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : ''}`));
    };
    function done() {
      watcher.close();
      child.off('exit', onExit);
      resolve();
    }
    child.once('exit', onExit);
    if (fs.existsSync(pidFile)) done();
  });
}

/** Debian's nginx as a child process: TLS on a free loopback port with a fresh test certificate, proxying to `upstream`. */
export async function startNginx(upstream: string, port: number): Promise<NginxProxy> {
  assertNginxInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigill-nginx-'));
  const { certFile, keyFile } = testCertificate(dir);
  const configFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(configFile, configText(dir, port, upstream, certFile, keyFile));
  const child = spawn(nginxPath, ['-p', dir, '-c', configFile, '-e', path.join(dir, 'error.log')], { stdio: 'ignore' });
  await pidFileWritten(child, path.join(dir, 'nginx.pid'), path.join(dir, 'error.log'));
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    certificate: fs.readFileSync(certFile, 'utf8'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where and how the throwaway HTTP cache server runs. */
export interface CacheServerSettings {
  /** Folder for nginx's pid, logs and temporary files. */
  stateDir: string;
  /** Folder that holds the cache entries (Bazel's `ac/` and `cas/`). */
  cacheDir: string;
  port: number;
  /** nginx drops to this user when started as root; it must be able to write cacheDir. */
  user?: string;
}

/**
 * Renders an nginx configuration that serves cacheDir as a Bazel HTTP cache on 127.0.0.1:
 * GET and HEAD read entries, PUT (nginx's WebDAV module) stores them.
 */
export function renderNginxConfig(settings: CacheServerSettings): string {
  const { stateDir, cacheDir, port, user } = settings;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new RangeError(`port ${port} is not a TCP port`);
  }
  const lines = [
    ...(user ? [`user ${user};`] : []),
    "worker_processes 1;",
    "daemon off;",
    `pid ${stateDir}/nginx.pid;`,
    `error_log ${stateDir}/error.log warn;`,
    "events { worker_connections 256; }",
    "http {",
    "  access_log off;",
    "  client_max_body_size 0;",
    `  client_body_temp_path ${stateDir}/body;`,
    `  proxy_temp_path ${stateDir}/proxy;`,
    `  fastcgi_temp_path ${stateDir}/fastcgi;`,
    `  uwsgi_temp_path ${stateDir}/uwsgi;`,
    `  scgi_temp_path ${stateDir}/scgi;`,
    "  server {",
    `    listen 127.0.0.1:${port};`,
    `    root ${cacheDir};`,
    "    location / {",
    "      dav_methods PUT;",
    "      create_full_put_path on;",
    "      dav_access user:rw group:r all:r;",
    "    }",
    "  }",
    "}",
  ];
  return lines.join("\n") + "\n";
}

import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** What the server answered one request: for logs and for tests that assert what was fetched. */
export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/** A running server: its base URL (`http://127.0.0.1:PORT`, no trailing slash) and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The directory whose files are served, each at `/<its path below root>`. */
  readonly root: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Called after every answer. */
  readonly onRequest?: (record: RequestRecord) => void;
}

/**
 * The file a request path names below `root`, or undefined when it names none: the path is
 * percent-decoded, the query dropped, and `.`/`..` segments, backslashes or NUL bytes refused, so
 * nothing outside root is ever named.
 */
export function resolveRequestPath(root: string, requestPath: string): string | undefined {
  const path = requestPath.split("?")[0] ?? "";
  if (!path.startsWith("/")) {
    return undefined;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.length === 0 || segments.some((s) => s === "." || s === ".." || s.includes("\\") || s.includes("\0"))) {
    return undefined;
  }
  return join(root, ...segments);
}

function answer(request: IncomingMessage, response: ServerResponse, root: string): number {
  const method = request.method ?? "";
  if (method !== "GET" && method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" });
    response.end("method not allowed\n");
    return 405;
  }
  const file = resolveRequestPath(root, request.url ?? "");
  let size = -1;
  if (file !== undefined) {
    try {
      const st = statSync(file);
      size = st.isFile() ? st.size : -1;
    } catch {
      size = -1;
    }
  }
  if (file === undefined || size < 0) {
    response.writeHead(404, { "Content-Type": "text/plain" });
    response.end(method === "HEAD" ? undefined : "not found\n");
    return 404;
  }
  response.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(size) });
  if (method === "HEAD") {
    response.end();
  } else {
    createReadStream(file)
      .on("error", () => response.destroy())
      .pipe(response);
  }
  return 200;
}

/** Serves the files of `options.root` on 127.0.0.1 until close() is called. */
export function serveDirectory(options: ServeOptions): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    const status = answer(request, response, options.root);
    options.onRequest?.({ method: request.method ?? "", path: request.url ?? "", status });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { z } from 'zod';

/** a file served by a download link. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** the answer to a download: the file, 403 (a token not made here, or changed) or 404 (expired, or nothing there). */
export type DownloadResult = ({ status: 200 } & DownloadFile) | { status: 403 | 404; reason: string };

/** something a route can serve: the server calls `download` with the token from the path. */
export interface DownloadSource {
  download(token: string): Promise<DownloadResult>;
}

/** the routes that serve download links (`GET <route>/<token>`); the logger redacts the token after each of them. */
export const DOWNLOAD_ROUTES = { exports: '/exports', myData: '/my-data', plans: '/plans' } as const;

const TOKEN = /^[A-Za-z0-9_-]{40,2000}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * short-lived download links whose token carries a request (for example whose data to export), encrypted and
 * authenticated with AES-256-GCM: nobody can read the request from the URL (it may name a person) or forge one.
 * Nothing is stored; the file is built at download time, so several instances can serve it and nothing lands
 * on disk. A link works `ttlMs` from its making (default ten minutes); the token is a credential, never log it.
 */
export class DownloadLinks<T> {
  private readonly key: Buffer;
  private readonly ttlMs: number;

  constructor(
    private readonly o: {
      /** the route, e.g. '/my-data': links are `<baseUrl><path>/<token>`. */
      path: string;
      /** a different purpose per link kind, so a token of one kind never opens another. */
      purpose: string;
      /** the key material: ANSWER_SECRET in production (shared by instances); random per process when absent. */
      secret?: string;
      /** checks what comes out of a token. */
      schema: z.ZodType<T>;
      now(): Date;
      /** where users' browsers reach the bot; undefined when unknown (then no link can be made). */
      baseUrl(): string | undefined;
      build(request: T): Promise<DownloadFile | 'forbidden' | 'missing'>;
      ttlMs?: number;
    },
  ) {
    this.key = createHmac('sha256', o.secret ?? randomBytes(32))
      .update(`mitwirken download links v1|${o.purpose}`)
      .digest();
    this.ttlMs = o.ttlMs ?? 10 * 60_000;
  }

  /** how many minutes a link works. */
  get minutes(): number {
    return Math.round(this.ttlMs / 60_000);
  }

  /** a link for the request, or undefined when the bot's public address is not known. */
  link(request: T): string | undefined {
    const base = this.o.baseUrl();
    return base ? `${base}${this.o.path}/${this.token(request)}` : undefined;
  }

  /** the encrypted token of a request, valid for the link's lifetime from now. */
  token(request: T): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plain = Buffer.from(JSON.stringify({ r: request, e: this.o.now().getTime() + this.ttlMs }), 'utf8');
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  /** opens a token and builds its file. */
  async download(token: string): Promise<DownloadResult> {
    if (!TOKEN.test(token)) return { status: 403, reason: 'malformed token' };
    const raw = Buffer.from(token, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return { status: 403, reason: 'malformed token' };
    let opened: unknown;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      opened = JSON.parse(plain.toString('utf8'));
    } catch {
      return { status: 403, reason: 'bad token' };
    }
    const { r, e } = (opened ?? {}) as { r?: unknown; e?: unknown };
    const request = this.o.schema.safeParse(r);
    if (!request.success || typeof e !== 'number') return { status: 403, reason: 'unreadable token' };
    if (e <= this.o.now().getTime()) return { status: 404, reason: 'link expired' };
    const file = await this.o.build(request.data);
    if (file === 'forbidden') return { status: 403, reason: 'no longer allowed' };
    if (file === 'missing') return { status: 404, reason: 'nothing to download' };
    return { status: 200, ...file };
  }
}

/** a Content-Disposition header that downloads the file under a name safe for every browser and file system. */
export function attachmentHeader(fileName: string): string {
  const ascii =
    fileName
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'export.csv';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(ascii)}`;
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * encrypts what an open anonymous item holds before it is folded or closed (pending ballots, pending idea texts,
 * folded groups, the running count of an open anonymous poll), so that someone reading storage without the answer
 * secret sees nothing but that a row exists. AES-256-GCM with a fresh nonce per write; the key is derived from
 * `ANSWER_SECRET` (HKDF), and each value is bound to its partition and row, so a sealed value copied into another
 * row does not open. With the secret it opens: docs/privacy.md names what remains open to whom, and for how long.
 */
export class SealedBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'mitwirken', 'sealed answers v1', 32));
  }

  /** the value as base64 text, bound to the row it is written into. */
  seal(value: unknown, partitionKey: string, rowKey: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(addressOf(partitionKey, rowKey));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
  }

  /** the value sealed for this row; throws when the text was changed, moved or sealed with another secret. */
  open<T>(text: string, partitionKey: string, rowKey: string): T {
    const raw = Buffer.from(text, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(addressOf(partitionKey, rowKey));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
  }
}

/** the row a sealed value belongs to, as the cipher's additional data. */
const addressOf = (partitionKey: string, rowKey: string): Buffer => Buffer.from(`${partitionKey}/${rowKey}`, 'utf8');

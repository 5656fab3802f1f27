import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * the HMAC secret of the anonymous voter roll in local mode: generated once into DATA_DIR and kept, so
 * one person stays one pseudonym across restarts. Production requires ANSWER_SECRET instead.
 */
export function localAnswerSecret(dataDir: string): string {
  const file = path.join(dataDir, 'answer-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

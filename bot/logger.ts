import pino, { type Logger } from 'pino';

export type { Logger };

/** structured JSON logs; pretty when a person watches the terminal. Secrets are redacted by path. */
export function createLogger(level: string, pretty = Boolean(process.stdout.isTTY)): Logger {
  return pino({
    level,
    base: { app: 'mitwirken' },
    redact: { paths: ['*.password', '*.secret', '*.connectionString', '*.authorization', 'req.headers.authorization'], censor: '[redacted]' },
    transport: pretty ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app' } } : undefined,
  });
}

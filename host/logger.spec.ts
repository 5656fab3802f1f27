import { prettyTransport } from './logger';

describe('pretty logs', () => {
  test('use pino-pretty where it is installed (a development install)', () => {
    expect(prettyTransport()).toMatchObject({ target: 'pino-pretty' });
  });

  test('fall back to JSON lines where pino-pretty is missing (a production install)', () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'pino-pretty'"), { code: 'MODULE_NOT_FOUND' });
    };
    expect(prettyTransport(missing)).toBeUndefined();
  });
});

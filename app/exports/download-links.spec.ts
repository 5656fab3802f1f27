import { z } from 'zod';
import { attachmentHeader, DownloadLinks } from './download-links';

let clock = new Date('2026-03-01T10:00:00Z');
const built: Array<{ who: string }> = [];
const links = (purpose = 'my-data', secret = 'a-secret-of-at-least-32-characters!!') =>
  new DownloadLinks<{ who: string }>({
    path: '/my-data',
    purpose,
    secret,
    schema: z.object({ who: z.string() }),
    now: () => clock,
    baseUrl: () => 'https://bot.example',
    build: async (request) => {
      built.push(request);
      return request.who === 'gone'
        ? 'missing'
        : { fileName: 'f.json', contentType: 'application/json', body: JSON.stringify(request) };
    },
  });

const tokenOf = (url: string | undefined) => url?.split('/').at(-1) ?? '';

describe('DownloadLinks', () => {
  test('makes a link under the base URL whose token opens the file it stands for', async () => {
    const url = links().link({ who: 'aad-1234' });
    expect(url).toMatch(/^https:\/\/bot\.example\/my-data\/[A-Za-z0-9_-]+$/);
    expect(await links().download(tokenOf(url))).toEqual({
      status: 200,
      fileName: 'f.json',
      contentType: 'application/json',
      body: '{"who":"aad-1234"}',
    });
  });

  test('does not show what it stands for: the request is encrypted, not just signed', () => {
    const token = tokenOf(links().link({ who: 'aad-visible-id' }));
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('aad-visible-id');
    expect(token).not.toContain('aad-visible-id');
  });

  test('refuses a changed token, a token made with another secret or for another purpose, and garbage', async () => {
    const token = tokenOf(links().link({ who: 'x' }));
    const changed = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    expect((await links().download(changed)).status).toBe(403);
    expect((await links('my-data', 'another-secret-of-32-characters-or-more').download(token)).status).toBe(403);
    expect((await links('export').download(token)).status).toBe(403);
    expect((await links().download('../../etc/passwd')).status).toBe(403);
    expect((await links().download('')).status).toBe(403);
  });

  test('expires after ten minutes and then builds nothing', async () => {
    const token = tokenOf(links().link({ who: 'late' }));
    built.length = 0;
    clock = new Date(clock.getTime() + 10 * 60_000 + 1);
    expect(await links().download(token)).toEqual({ status: 404, reason: 'link expired' });
    expect(built).toEqual([]);
  });

  test('answers 404 when there is nothing to build any more', async () => {
    expect((await links().download(tokenOf(links().link({ who: 'gone' })))).status).toBe(404);
  });
});

describe('attachmentHeader', () => {
  test('downloads under a name of safe characters only', () => {
    expect(attachmentHeader('mitwirken-puls-ergebnisse.csv')).toBe(
      `attachment; filename="mitwirken-puls-ergebnisse.csv"; filename*=UTF-8''mitwirken-puls-ergebnisse.csv`,
    );
    expect(attachmentHeader('../"böse";\r\nname.csv')).toBe(
      `attachment; filename="___b_se____name.csv"; filename*=UTF-8''___b_se____name.csv`,
    );
  });
});

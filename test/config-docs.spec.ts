import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_KEYS } from '../app/config';

const read = (file: string) => readFileSync(path.join(__dirname, '..', file), 'utf8');

describe('every setting is documented', () => {
  test.each(CONFIG_KEYS)('%s is in .env.example and in the configuration table of README.md', (key) => {
    expect(read('.env.example')).toMatch(new RegExp(`^${key}=`, 'm'));
    expect(read('README.md')).toContain(`| \`${key}\` |`);
  });
});

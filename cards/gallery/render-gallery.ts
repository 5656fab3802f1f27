/**
 * `npm run cards`: renders every card sample (cards/gallery/samples.ts) in German and English with the
 * `adaptivecards` JS renderer in headless Chromium, at Teams' card width and with a Teams-like host config,
 * writes docs/images/cards/<id>-<locale>.png and docs/cards.md. Needs Chromium (PLAYWRIGHT_CHROMIUM_PATH
 * overrides /usr/bin/chromium). Pictures of samples that no longer exist are removed.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { LOCALES, type Locale } from '../../core/locale';
import { parserFindings } from './card-checks';
import { TEAMS_CARD_CSS, TEAMS_CARD_WIDTH, TEAMS_HOST_CONFIG } from './host-config';
import { CARD_SAMPLES, type CardSample } from './samples';

const ROOT = path.resolve(__dirname, '..', '..');
const IMAGES = path.join(ROOT, 'docs', 'images', 'cards');
const DOC = path.join(ROOT, 'docs', 'cards.md');
const BUNDLE = path.join(ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js');
/** pictures are taken at twice the CSS size so they stay sharp on high-density screens. */
const SCALE = 1;
/**
 * Chromium as the browser tests start it (test/e2e/support/playground.ts; not imported, so the production
 * build never pulls in test code): Debian's build, quiet, offline, runnable as root in a container.
 */
const CHROMIUM_PATH = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const BROWSER_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>${TEAMS_CARD_CSS}</style></head>
<body><div class="card-frame" id="frame"></div></body></html>`;

/** the picture of one sample in one language, relative to docs/. */
export function imagePath(id: string, locale: Locale): string {
  return `images/cards/${id}-${locale}.png`;
}

/** runs in the page (a string, as the project's TypeScript has no DOM types): renders a card into the frame. */
const RENDERER = `window.renderCard = (card, hostConfig, locale) => {
  document.documentElement.lang = locale;
  const adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  adaptiveCard.parse(card);
  const element = adaptiveCard.render();
  if (!element) return 'the renderer returned no element';
  document.getElementById('frame').replaceChildren(element);
  return document.fonts.ready.then(() => '');
};`;

type InPage = { renderCard(card: object, hostConfig: object, locale: Locale): Promise<string> | string };

/** renders a card into the page's frame, in the card's language (for hyphenation and input controls). */
async function renderCard(page: Page, card: object, locale: Locale): Promise<void> {
  const problem = await page.evaluate(
    ([card, hostConfig, locale]) => (globalThis as unknown as InPage).renderCard(card, hostConfig, locale),
    [card, TEAMS_HOST_CONFIG, locale] as const,
  );
  if (problem) throw new Error(problem);
}

/** docs/cards.md: a table of contents, then each card with its German and English picture. */
export function galleryMarkdown(samples: readonly CardSample[]): string {
  const anchor = (s: CardSample) => s.id;
  const lines = [
    '# Cards',
    '',
    'Every card Mitwirken sends, in German and English, built by the real builders from sample data and rendered by',
    '`npm run cards` with the `adaptivecards` JS renderer in headless Chromium, with a Teams-like host config at',
    `Teams' card width of ${TEAMS_CARD_WIDTH} px. Teams itself draws a little differently (Segoe UI, its own buttons,`,
    'and charts where a card has them; here their fallback shows).',
    '',
    'Generated file – do not edit. To add a card or a state: add a sample to `cards/gallery/samples.ts` and run',
    '`npm run cards` (needs `chromium`, and `fonts-noto-color-emoji` for emoji). `cards/card-validity.spec.ts` checks',
    'every sample against the Teams rules and fails for a template in `cards/templates/` without a sample.',
    '',
    ...samples.map((s) => `- [${s.title}](#${anchor(s)}) – \`${s.template}.json\``),
    '',
  ];
  for (const s of samples) {
    lines.push(
      `<a id="${anchor(s)}"></a>`,
      '',
      `## ${s.title}`,
      '',
      `${s.purpose} Template: \`cards/templates/${s.template}.json\`.`,
      '',
      '| Deutsch | English |',
      '| --- | --- |',
      `| ${LOCALES.map((l) => `<img src="${imagePath(s.id, l)}" width="${TEAMS_CARD_WIDTH}" alt="${s.title} (${l})">`).join(' | ')} |`,
      '',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const written = new Set<string>();
  try {
    for (const locale of LOCALES) {
      // The browser's locale decides how date and time inputs and number fields are shown, as in Teams.
      const page = await browser.newPage({
        locale: BROWSER_LOCALE[locale],
        viewport: { width: TEAMS_CARD_WIDTH + 64, height: 900 },
        deviceScaleFactor: SCALE,
      });
      await page.setContent(PAGE);
      await page.addScriptTag({ path: BUNDLE });
      await page.addScriptTag({ content: RENDERER });
      for (const sample of CARD_SAMPLES) {
        const card = sample.build(locale).content;
        for (const finding of parserFindings(card)) console.warn(`${sample.id} (${locale}): ${finding}`);
        await renderCard(page, card, locale);
        const file = path.join(ROOT, 'docs', imagePath(sample.id, locale));
        await page.locator('#frame').screenshot({ path: file, omitBackground: true });
        written.add(path.basename(file));
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  for (const file of readdirSync(IMAGES))
    if (file.endsWith('.png') && !written.has(file)) rmSync(path.join(IMAGES, file));
  writeFileSync(DOC, galleryMarkdown(CARD_SAMPLES));
  console.log(`${written.size} pictures in ${path.relative(ROOT, IMAGES)}, gallery in ${path.relative(ROOT, DOC)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

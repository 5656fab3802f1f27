import type { Locator, Request } from 'playwright-core';
import { VERBS } from '../../core/card-actions';
import { messages } from '../../core/messages';
import { startE2eWorld, tenant, type E2eWorld } from './support/e2e-world';

// Each person's own view in the Playground. The Playground draws the shared card and does not perform the card's
// `refresh` by itself (it lists "User specific view" as unsupported): this file checks that, and then refreshes as a
// person does in Teams by hand ("Aktualisieren" sends the card's refresh action as an adaptiveCard/action invoke),
// replaying the client's own invoke with the refresh action.
const de = messages('de');
const POLL = 'Wie gut klappt die Übergabe zwischen den Schichten?';
const CLOSE_POLL = 'Sollen wir die Teamrunde auf Dienstag legen?';
const PROMPT = 'Was würde den Empfang freundlicher machen?';

let world: E2eWorld;
/** the last Action.Execute invoke the client sent (its body, as the Playground's UI builds it). */
let lastInvoke: Record<string, unknown> | undefined;

jest.setTimeout(240_000);

beforeAll(async () => {
  world = await startE2eWorld('own-view');
  world.ui.page.on('request', (req: Request) => {
    if (req.method() === 'POST' && /\/_conversation\/v1\/invoke$/.test(new URL(req.url()).pathname))
      lastInvoke = JSON.parse(req.postData() ?? '{}') as Record<string, unknown>;
  });
  await world.ui.openChannel('General');
  await world.ui.waitForCardContaining(de.welcomeTitle, { timeoutMs: 30_000 });
});

afterAll(async () => {
  await world?.stop();
});

/** sends the card's refresh action the way the client sends an Action.Execute (a manual refresh), as `userId`. */
async function manualRefresh(itemId: string, userId: string): Promise<string> {
  if (!lastInvoke) throw new Error('no invoke seen to model the refresh on');
  const body = structuredClone(lastInvoke) as { from?: { id: string }; value?: unknown };
  body.from = { ...body.from, id: userId };
  body.value = { action: { type: 'Action.Execute', verb: VERBS.refresh, data: { itemId } }, trigger: 'manual' };
  const res = await world.ui.page.request.post(new URL('/_conversation/v1/invoke', world.playground.url).toString(), {
    data: body,
  });
  return JSON.stringify(await res.json());
}

/**
 * the shared card of a question once the shared update after an answer has arrived: in the Playground it replaces
 * whatever view was shown (Teams would ask for the own view again), so a click must wait for it.
 */
async function sharedCardShown(question: string, ownText: string): Promise<Locator> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const card = await world.ui.waitForCardContaining(question);
    if (!(await card.innerText()).includes(ownText)) return card;
    if (Date.now() > deadline) throw new Error(`the shared card of "${question}" did not come`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** opens the card's overflow menu ("…") and picks an entry. */
async function overflow(card: Locator, title: string): Promise<void> {
  await card.getByRole('button', { name: 'More options' }).click();
  await world.ui.page.getByRole('menuitem', { name: title }).click();
}

test('after a second person votes, the first person’s own view still shows their vote (manual refresh)', async () => {
  const { ui, storage, step } = world;
  const me = tenant.currentUserId as string;
  const other = ui.config.users[0];
  if (!other) throw new Error('the mock tenant has no users');

  const card = await step('post', async () => {
    await ui.send(`umfrage ${POLL} | gut | mittel | schlecht`, { mentionBot: true });
    return ui.waitForCardContaining(POLL, { timeoutMs: 30_000 });
  });
  await step('vote-first', async () => {
    await ui.clickCardButton('gut', card);
    await ui.waitForCardContaining(de.yourVote('gut').slice(0, 20));
  });
  const item = await storage.items.latestByCreator(me);
  if (!item) throw new Error('poll not stored');

  await step('vote-second', async () => {
    ui.switchUser(other.name);
    await ui.clickCardButton('schlecht', await ui.waitForCardContaining(POLL));
    ui.switchUser(undefined);
    await ui.waitForCardContaining(de.answeredCount(2), { timeoutMs: 30_000 });
  });

  // the shared update replaced the card for everyone; does the Playground ask for the own view by itself?
  const automatic = await ui
    .waitForCardContaining(de.ownVote('gut'), { timeoutMs: 5_000 })
    .then(() => true)
    .catch(() => false);
  expect(automatic).toBe(false); // documents the Playground today: no user-specific views; Teams does refresh.

  const mine = await step('manual-refresh', () => manualRefresh(item.id, ui.config.currentUser.id));
  expect(mine).toContain(de.ownVote('gut'));
  const theirs = await manualRefresh(item.id, other.id);
  expect(theirs).toContain(de.ownVote('schlecht'));
  expect(theirs).not.toContain(de.ownVote('gut'));
});

test('an admin closes a poll with “Schließen” in the overflow menu of their own view', async () => {
  const { ui, storage, step } = world;
  const me = tenant.currentUserId as string;
  const card = await step('post-close', async () => {
    await ui.send(`umfrage ${CLOSE_POLL} | ja | nein`, { mentionBot: true });
    return ui.waitForCardContaining(CLOSE_POLL, { timeoutMs: 30_000 });
  });
  // the admin's own view: here the card their vote answers with (the refresh would give the same). The first vote is
  // followed by a shared update; the same vote again changes nothing and is answered with the own view only.
  const own = await step('own-view', async () => {
    await ui.clickCardButton('ja', card);
    await sharedCardShown(CLOSE_POLL, de.yourVote('ja').slice(0, 14));
    // a busy poll's card gets one more, exact update 3 s after the last answer (CardRefresher): let it pass.
    await new Promise((r) => setTimeout(r, 4_000));
    return (await ui.clickCardButton('ja', await ui.waitForCardContaining(CLOSE_POLL))).card;
  });
  await step('close', async () => {
    await overflow(own, de.closeItemButton);
    await ui.waitForCardContaining(de.closed, { timeoutMs: 30_000 });
  });
  const item = await storage.items.latestByCreator(me);
  expect(item?.question).toBe(CLOSE_POLL);
  expect(item?.status).toBe('closed');
});

test('“Ideen ansehen” on an idea prompt card lists its ideas', async () => {
  const { ui, step } = world;
  const card = await step('post-prompt', async () => {
    await ui.send(`ideenabfrage ${PROMPT}`, { mentionBot: true });
    return ui.waitForCardContaining(PROMPT, { timeoutMs: 30_000 });
  });
  await step('submit', async () => {
    await ui.fillInput(de.ideaLabel, 'Pflanzen im Wartebereich', card);
    await ui.clickCardButton(de.submitIdea, card);
    await ui.waitForCardContaining(de.ideasCount(1), { timeoutMs: 30_000 });
  });
  await step('view-ideas', async () => {
    await ui.clickCardButton(de.viewIdeasButton, await sharedCardShown(PROMPT, 'Pflanzen im Wartebereich'));
    await ui.waitForCardContaining('Pflanzen im Wartebereich', { timeoutMs: 30_000 });
  });
  await step('back', async () => {
    await ui.clickCardButton(de.backToItemButton, await ui.waitForCardContaining('Pflanzen im Wartebereich'));
    await ui.waitForCardContaining(de.ownIdeas(1), { timeoutMs: 30_000 });
  });
});

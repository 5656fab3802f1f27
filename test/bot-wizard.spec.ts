import { DateTime } from 'luxon';
import { VERBS } from '../core/card-actions';
import { messages } from '../core/messages';
import { ADMIN, people, startBotHarness, TEAM, type BotHarness, type Person } from './support/bot-harness';
import { cardTexts, interactive } from './support/card-nodes';
import { deliveredCard, invokeCard } from './support/turn-helpers';

const de = messages('de');
const en = messages('en');
const [employee, colleague] = people(2) as [Person, Person];
let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness(
    {},
    {
      members: {
        [TEAM.id]: [
          {
            id: employee.id,
            aadObjectId: employee.aadObjectId,
            name: 'Anna Becker',
            userPrincipalName: 'anna.becker@amt.example',
          },
          {
            id: colleague.id,
            aadObjectId: colleague.aadObjectId,
            name: 'Anna Bergmann',
            userPrincipalName: 'anna.bergmann@amt.example',
          },
        ],
      },
    },
  );
  await h.installInTeam();
});

afterAll(async () => {
  await h.stop();
});

/** the wizard card last sent into the admin's personal chat. */
function lastSentCard(): Record<string, unknown> {
  return deliveredCard(
    [...h.connector.delivered]
      .reverse()
      .find((d) => d.conversationId === `a:personal-${ADMIN.id}` && d.activity.attachments),
  );
}

/** the wizard id and step a wizard card carries on its buttons. */
function wizardRef(card: unknown): { wizardId: string; step: string } {
  const action = interactive(card).find((a) => a.verb === VERBS.wizard);
  const data = action?.data as { wizardId: string; step: string } | undefined;
  if (!data) throw new Error('no wizard button on the card');
  return { wizardId: data.wizardId, step: data.step };
}

/** clicks a wizard button with the given form values, as the admin in the personal chat. */
async function click(
  card: unknown,
  action: string,
  values: Record<string, unknown> = {},
  from: Person = ADMIN,
  locale?: string,
) {
  return invokeCard(
    await h.invoke(VERBS.wizard, { ...wizardRef(card), action, ...values }, from, { personal: true, locale }),
  );
}

/** the error texts shown under fields. */
const fieldErrors = (card: unknown) => interactive(card).length && cardTexts(card);

test('an admin plans a campaign in chat: errors on the form field by field, preview with the exact cards and next posts, then it is posted', async () => {
  await h.personalMessage('kampagne neu');
  let card: unknown = lastSentCard();
  expect(cardTexts(card)).toContain(de.wizardStep(1, 5, de.wizardStepBasics));

  // basics: an empty title and a wrong time zone are named on their fields; nothing moves on.
  card = await click(card, 'next', { title: ' ', description: '', timeZone: 'Berlin' });
  expect(cardTexts(card)).toEqual(
    expect.arrayContaining([
      de.wizardFixErrors,
      de.errFieldRequired,
      de.errTimeZone,
      de.wizardStep(1, 5, de.wizardStepBasics),
    ]),
  );
  card = await click(card, 'next', {
    title: 'Gute Arbeit – Puls',
    description: 'Mit dem Personalrat abgestimmt.',
    timeZone: 'Europe/Berlin',
  });
  expect(cardTexts(card)).toContain(de.wizardStep(2, 5, de.wizardStepItems));

  // questions: a poll with one option is refused with the reason under the options; then two questions are added.
  card = await click(card, 'add', {
    type: 'poll',
    question: 'Wie gut fühlst du dich informiert?',
    options: 'gut',
    anonymous: 'true',
  });
  expect(fieldErrors(card)).toContain(de.errOptionsCount(2, 10));
  const filled = (interactive(card).find((i) => i.id === 'question') as { value?: string }).value;
  expect(filled).toBe('Wie gut fühlst du dich informiert?');
  card = await click(card, 'add', {
    type: 'poll',
    question: 'Wie gut fühlst du dich informiert?',
    options: 'gut\neher gut\nschlecht',
    anonymous: 'true',
  });
  expect(cardTexts(card)).toContain(de.itemsSoFar(1));
  card = await click(card, 'next', {
    type: 'idea',
    question: 'Was würde die Zusammenarbeit verbessern?',
    options: '',
    anonymous: 'false',
  });
  expect(cardTexts(card)).toContain(de.wizardStep(3, 5, de.wizardStepSchedule));

  // schedule: the first question now (this minute), the second next week; a date in the past is refused.
  const now = DateTime.now().setZone('Europe/Berlin');
  const later = now.plus({ days: 7 });
  const schedule = {
    date_0: now.toFormat('yyyy-LL-dd'),
    time_0: now.toFormat('HH:mm'),
    repeat_0: 'once',
    until_0: '',
    openDays_0: '5',
    remindHours_0: '',
    date_1: later.toFormat('yyyy-LL-dd'),
    time_1: '10:00',
    repeat_1: 'P1W',
    until_1: later.plus({ weeks: 4 }).toFormat('yyyy-LL-dd'),
    openDays_1: '3',
    remindHours_1: '24',
  };
  card = await click(card, 'next', { ...schedule, date_1: '2020-01-01' });
  expect(fieldErrors(card)).toContain(de.errInPast);
  card = await click(card, 'next', schedule);
  expect(cardTexts(card)).toContain(de.wizardStep(4, 5, de.wizardStepTargets));
  expect(interactive(card).find((i) => i.id === 'teams')).toMatchObject({
    choices: [{ title: TEAM.name, value: TEAM.id }],
  });

  // targets: neither all teams nor a team is refused; then Team Digitalisierung, General.
  card = await click(card, 'next', { allTeams: 'false', teams: '', channel: 'General' });
  expect(fieldErrors(card)).toContain(de.errNoTeams);
  const before = h.connector.delivered.length;
  card = await click(card, 'next', { allTeams: 'false', teams: TEAM.id, channel: 'General' });
  expect(cardTexts(card)).toEqual(
    expect.arrayContaining([
      de.wizardStep(5, 5, de.wizardStepPreview),
      de.previewNextPosts,
      de.previewTargets(TEAM.name, 'Allgemein'),
    ]),
  );
  const nextPosts = cardTexts(card).filter((t) => / – \d\. /.test(t));
  expect(nextPosts).toHaveLength(5);
  expect(nextPosts[0]).toContain('1. Wie gut fühlst du dich informiert?');
  // the preview's item cards: the same cards that will be posted.
  const previews = h.connector.delivered
    .slice(before)
    .flatMap((d) => (d.activity.attachments as { content: unknown }[] | undefined) ?? []);
  expect(previews).toHaveLength(2);
  expect(cardTexts(previews[0]?.content)).toEqual(
    expect.arrayContaining(['Wie gut fühlst du dich informiert?', 'gut', 'eher gut', 'schlecht', de.anonymousNotice]),
  );
  // a vote on a preview stores nothing.
  const previewVote = interactive(previews[0]?.content).find((a) => a.verb === VERBS.vote);
  const refused = invokeCard(await h.invoke(VERBS.vote, previewVote?.data, employee, { personal: true }));
  expect(cardTexts(refused)).toContain(de.previewOnly);

  card = await click(card, 'confirm');
  expect(cardTexts(card).join(' ')).toContain(de.campaignCreated('Gute Arbeit – Puls'));
  const campaigns = await h.storage.campaigns.list();
  const created = campaigns.find((c) => c.title === 'Gute Arbeit – Puls');
  expect(created).toMatchObject({
    status: 'scheduled',
    source: `chat:${ADMIN.aadObjectId}`,
    targets: { kind: 'teams', teams: [TEAM.id] },
    channel: 'General',
  });
  expect(created?.items.map((i) => i.type)).toEqual(['poll', 'idea']);
  expect(
    (await h.storage.audit.recent(10)).some((e) => e.action === 'campaign.create' && e.target === created?.id),
  ).toBe(true);

  // the first question is due: the scheduler posts it into General, once.
  const posted = h.connector.delivered.length;
  await h.app.scheduler.tick();
  await h.app.scheduler.tick();
  const creates = h.connector.delivered.slice(posted).filter((d) => d.kind === 'create');
  expect(creates).toHaveLength(1);
  expect(creates[0]?.conversationId.startsWith(`${TEAM.id};messageid=`)).toBe(true);
  expect(cardTexts(deliveredCard(creates[0]))).toContain('Wie gut fühlst du dich informiert?');
});

test('the wizard refuses non-admins, stale cards and clicks after cancel, in the person\u2019s language', async () => {
  await h.personalMessage('new campaign', ADMIN, 'en-US');
  const card = lastSentCard();
  expect(cardTexts(card)).toContain(en.wizardStep(1, 5, en.wizardStepBasics));

  const refused = await click(card, 'next', { title: 'x', timeZone: 'Europe/Berlin' }, employee);
  expect(cardTexts(refused)).toContain(de.errNotAdmin);

  const stale = invokeCard(
    await h.invoke(VERBS.wizard, { wizardId: 'aaaaaaaaaaaa', step: 'basics', action: 'next', title: 'x' }, ADMIN, {
      personal: true,
      locale: 'en-US',
    }),
  );
  expect(cardTexts(stale)).toContain(en.wizardStale);

  const cancelled = await click(card, 'cancel', {}, ADMIN, 'en-US');
  expect(cardTexts(cancelled).join(' ')).toContain(en.wizardCancelled);
  const after = await click(card, 'next', { title: 'x', timeZone: 'Europe/Berlin' }, ADMIN, 'en-US');
  expect(cardTexts(after).join(' ')).toContain(en.wizardNotRunning);

  await h.channelMessage('kampagne neu');
  expect(h.connector.texts()).toContain(de.wizardPersonalOnly);
});

test('a malformed wizard payload is refused on the card and changes nothing', async () => {
  const res = await h.invoke(
    VERBS.wizard,
    { wizardId: 'x', step: 'nowhere', action: 'next', title: { nested: true } },
    ADMIN,
    { personal: true },
  );
  expect(cardTexts(invokeCard(res)).join(' ')).toContain(de.errInvalidPayload);
});

test('campaign list: a draft can be scheduled, duplicated and deleted; a running campaign cannot be deleted', async () => {
  await h.personalMessage('kampagne neu');
  let card: unknown = lastSentCard();
  card = await click(card, 'next', { title: 'Entwurf Sozialamt', timeZone: 'Europe/Berlin' });
  card = await click(card, 'next', {
    type: 'rating',
    question: 'Wie zufrieden bist du mit der neuen Software?',
    options: '',
    anonymous: 'false',
  });
  const day = DateTime.now().setZone('Europe/Berlin').plus({ days: 3 }).toFormat('yyyy-LL-dd');
  card = await click(card, 'next', { date_0: day, time_0: '09:00', repeat_0: 'once', openDays_0: '7' });
  card = await click(card, 'next', { allTeams: 'true', channel: 'General' });
  card = await click(card, 'draft');
  expect(cardTexts(card).join(' ')).toContain(de.campaignDraftSaved('Entwurf Sozialamt'));
  const draft = (await h.storage.campaigns.list()).find((c) => c.title === 'Entwurf Sozialamt');
  expect(draft?.status).toBe('draft');
  const id = draft?.id ?? '';

  const copied = invokeCard(await h.invoke(VERBS.campaignCopy, { campaignId: id }, ADMIN, { personal: true }));
  expect(cardTexts(copied)).toContain(de.campaignDuplicated(de.campaignCopyTitle('Entwurf Sozialamt')));
  const copy = await h.storage.campaigns.get(`${id}-kopie`);
  expect(copy).toMatchObject({ status: 'draft', items: draft?.items });

  const deleted = invokeCard(
    await h.invoke(VERBS.campaignDelete, { campaignId: `${id}-kopie` }, ADMIN, { personal: true }),
  );
  expect(cardTexts(deleted)).toContain(de.campaignDeleted(de.campaignCopyTitle('Entwurf Sozialamt')));
  expect(await h.storage.campaigns.get(`${id}-kopie`)).toBeUndefined();

  const scheduled = invokeCard(
    await h.invoke(VERBS.campaignStatus, { campaignId: id, status: 'scheduled' }, ADMIN, { personal: true }),
  );
  expect(interactive(scheduled).some((a) => a.title === de.campaignPause)).toBe(true);
  const notDraft = invokeCard(await h.invoke(VERBS.campaignDelete, { campaignId: id }, ADMIN, { personal: true }));
  expect(cardTexts(notDraft)).toContain(de.errCampaignNotDraft);
  expect((await h.storage.campaigns.get(id))?.status).toBe('scheduled');

  const byEmployee = invokeCard(await h.invoke(VERBS.campaignCopy, { campaignId: id }, employee, { personal: true }));
  expect(cardTexts(byEmployee)).toContain(de.errNotAdmin);
});

test('"admin hinzufügen" grants admin rights to a team member found in the roster, stored with who granted it', async () => {
  await h.personalMessage('kampagnen', employee);
  expect(h.connector.texts()).toContain(de.errNotAdmin);

  await h.personalMessage('admin hinzufügen Anna');
  expect(h.connector.texts().some((t) => t.includes('Anna Becker (anna.becker@amt.example), Anna Bergmann'))).toBe(
    true,
  );
  await h.personalMessage('admin hinzufügen Leyla');
  expect(h.connector.texts()).toContain(de.errPersonNotFound('Leyla'));

  await h.personalMessage('admin hinzufügen anna.becker@amt.example');
  expect(h.connector.texts()).toContain(de.adminGranted('Anna Becker'));
  const grants = await h.storage.roles.admins();
  expect(grants).toEqual([expect.objectContaining({ personId: employee.aadObjectId, grantedBy: ADMIN.aadObjectId })]);
  expect(
    (await h.storage.audit.recent(20)).some((e) => e.action === 'admin.grant' && e.target === employee.aadObjectId),
  ).toBe(true);

  // the new admin may now use admin commands; granting again says so.
  const sent = h.connector.delivered.length;
  await h.personalMessage('kampagnen', employee);
  expect(h.connector.delivered.slice(sent).some((d) => cardTexts(d.activity).includes(de.campaignsTitle))).toBe(true);
  await h.personalMessage('add admin anna.becker@amt.example', employee, 'en-US');
  expect(h.connector.texts()).toContain(en.adminAlready('Anna Becker'));
});

import { messages } from '../../core/messages';
import type { MyData } from '../../core/privacy/my-data';
import { buildAuditCard } from '../audit-card';
import { buildEraseConfirmCard, buildMyDataCard } from '../my-data-card';
import { asAttachment } from '../render';
import { PEOPLE, SAMPLE_TIME_ZONE } from './sample-items';
import type { CardSample } from './card-sample';

const AT = new Date('2026-11-24T09:30:00Z');

function data(locale: 'de' | 'en'): MyData {
  const de = locale === 'de';
  return {
    person: { id: 'aad-3', name: PEOPLE[3] },
    retentionDays: 365,
    votes: [
      {
        itemId: 'i1',
        question: de
          ? 'Wie zufrieden bist du mit unserer Teamkommunikation?'
          : 'How satisfied are you with our team communication?',
        teamName: 'Team Digitalisierung',
        choices: [de ? 'eher zufrieden' : 'fairly satisfied'],
        at: AT,
      },
      {
        itemId: 'i2',
        question: de ? 'Welche Themen für den Teamtag?' : 'Which topics for the team day?',
        teamName: 'Team Digitalisierung',
        choices: ['E-Akte', de ? 'Vertretungsregeln' : 'Cover rules'],
        at: AT,
      },
    ],
    ideas: [
      {
        ideaId: 'x.2026-W48.a',
        text: de
          ? 'Feste Sprechzeiten für Rückfragen der Leistungsabteilung'
          : 'Fixed hours for questions from the benefits team',
        status: 'review',
        teamName: 'Team Digitalisierung',
        createdAt: AT,
      },
    ],
    supports: [
      {
        ideaId: 'x.2026-W48.b',
        text: de ? 'Wartemarkenautomat im Eingangsbereich' : 'Queue ticket machine at the entrance',
      },
    ],
    volunteering: [],
    roles: [{ role: 'leader', teamName: 'Jobcenter Mitte', grantedAt: AT }],
    measures: [
      {
        measureId: 'mSample0001',
        title: de ? 'Fester Rückruftag für Bürgeranfragen' : 'A fixed call-back day for citizens’ questions',
        teamName: 'Team Digitalisierung',
        status: 'inProgress',
        dueDate: '2027-01-31',
      },
    ],
    measureNotes: [],
    personalChat: { name: PEOPLE[3] ?? '', locale: de ? 'de-DE' : 'en-GB', active: true, updatedAt: AT },
  };
}

/** "meine daten" (overview, after an export, the erasure question) and the audit log. */
export const PRIVACY_SAMPLES: readonly CardSample[] = [
  {
    id: 'my-data',
    title: 'My data',
    purpose:
      'The answer to `meine daten`/`my data` in the personal chat: everything stored with the person’s name or id, with export and erase.',
    template: 'my-data',
    build: (l) => asAttachment(buildMyDataCard(l, data(l), { timeZone: SAMPLE_TIME_ZONE })),
  },
  {
    id: 'my-data-export',
    title: 'My data with a download link',
    purpose: 'After “Export”: the same card with a short-lived link to the JSON file.',
    template: 'my-data',
    build: (l) =>
      asAttachment(
        buildMyDataCard(l, data(l), {
          timeZone: SAMPLE_TIME_ZONE,
          notice: { kind: 'good', text: messages(l).myDataExportReady(10) },
          download: { url: 'https://mitwirken.example/my-data/token' },
        }),
      ),
  },
  {
    id: 'my-data-erase',
    title: 'Erase my data?',
    purpose: 'After “Erase my data …”: what goes and what stays; erasure happens only after this confirmation.',
    template: 'my-data',
    build: (l) => asAttachment(buildEraseConfirmCard(l, AT)),
  },
  {
    id: 'audit',
    title: 'Audit log',
    purpose: 'The answer to `audit` (admins): the latest admin and leader actions, newest first.',
    template: 'audit',
    build: (l) =>
      asAttachment(
        buildAuditCard(
          l,
          [
            {
              actorId: 'aad-0',
              actorName: PEOPLE[0],
              action: 'campaign.status',
              target: 'teamtag-2026',
              details: { status: 'paused' },
              at: AT,
            },
            { actorId: 'erased:3f9a1c0b7d2e4a65', action: 'privacy.erase', details: { votes: 2, ideas: 1 }, at: AT },
            {
              actorId: 'aad-0',
              actorName: PEOPLE[0],
              action: 'admin.grant',
              target: 'aad-4',
              details: { name: PEOPLE[4] ?? '' },
              at: AT,
            },
          ],
          SAMPLE_TIME_ZONE,
        ),
      ),
  },
];

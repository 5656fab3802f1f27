import type { Campaign } from '../../core/campaigns/campaign';
import { describeCampaignChanges } from '../../core/campaigns/campaign-changes';
import { campaignPlan } from '../../core/campaigns/campaign-plan';
import type { Locale } from '../../core/locale';
import { formatDateTime } from '../../core/locale';
import { messages } from '../../core/messages';
import { buildApprovalCard } from '../approval-card';
import { asAttachment } from '../render';
import type { CardSample } from './card-sample';
import { PEOPLE, SAMPLE_MIN_GROUP_SIZE, SAMPLE_TIME_ZONE } from './sample-items';

/** a campaign for the Jobcenter's benefits teams, as the staff council reads it. */
function campaignIn(locale: Locale, openDays = 7): Campaign {
  const de = locale === 'de';
  return {
    id: 'puls-leistung-2026',
    title: de ? 'Puls Leistungsabteilung 2026' : 'Benefits department pulse 2026',
    description: de ? 'Alle zwei Wochen eine kurze, anonyme Frage.' : 'A short anonymous question every two weeks.',
    targets: { kind: 'teams', teams: ['Team Leistung'] },
    channel: 'General',
    timeZone: SAMPLE_TIME_ZONE,
    status: 'scheduled',
    retentionDays: 180,
    items: [
      {
        id: 'item-1',
        type: 'rating',
        question: de ? 'Wie belastet fühlen Sie sich diese Woche?' : 'How stretched do you feel this week?',
        anonymous: true,
        schedule: { start: '2026-03-16T09:00', every: 'P2W', until: '2026-06-30' },
        openFor: `P${openDays}D`,
      },
    ],
  };
}

const context = {
  minGroupSize: SAMPLE_MIN_GROUP_SIZE,
  minGroupSizeText: 10,
  retentionDays: 365,
};

const subject = { kind: 'campaign' as const, id: 'puls-leistung-2026', version: 'a1b2c3d4e5f60718a1b2c3d4e5f60718' };

function card(locale: Locale, variant: 'new' | 'changed' | 'approved' | 'changes') {
  const campaign = campaignIn(locale, variant === 'changed' ? 3 : 7);
  const plan = campaignPlan(campaign, locale, context);
  const m = messages(locale);
  return buildApprovalCard(locale, {
    subject,
    campaignTitle: plan.title,
    sections: plan.sections,
    changes: variant === 'changed' ? describeCampaignChanges(campaignIn(locale), campaign, locale) : [],
    state:
      variant === 'approved'
        ? { kind: 'approved', approvals: 2 }
        : variant === 'changes'
          ? {
              kind: 'changes-requested',
              request: { memberId: 'x', memberName: PEOPLE[2], kind: 'changes', at: new Date('2026-03-10T10:00:00Z') },
            }
          : { kind: 'pending', approvals: variant === 'changed' ? 0 : 1, needed: 2 },
    requestedByName: PEOPLE[0],
    ...(variant === 'approved' && {
      own: { kind: 'approve' as const },
      notice: { kind: 'good' as const, text: m.approvalYouApproved },
    }),
    ...(variant === 'changes' && {
      own: {
        kind: 'changes' as const,
        comment: locale === 'de' ? 'Bitte nur monatlich fragen.' : 'Please ask monthly only.',
      },
    }),
  });
}

/** an anonymous ad-hoc poll held for the council, with its "open until"; `readOnly` as an admin outside the council sees it. */
function heldCard(locale: Locale, readOnly: boolean) {
  const m = messages(locale);
  const de = locale === 'de';
  const until = formatDateTime(locale, new Date('2026-03-20T15:00:00Z'), SAMPLE_TIME_ZONE);
  return buildApprovalCard(locale, {
    subject: { kind: 'item', id: 'b39ab962-826c-4d46-936b-a156b244fb3f', version: 'c0ffee00c0ffee00c0ffee00c0ffee00' },
    sections: [
      {
        heading: m.approvalItemQuestion,
        lines: [
          de ? 'Wie erleben Sie die neue Gleitzeitregelung?' : 'How do you find the new flexitime rules?',
          m.approvalItemOptions(de ? 'gut · teils · schlecht' : 'good · partly · bad'),
          m.approvalItemAnonymous,
          m.approvalItemWhere('Team Leistung › General'),
          m.approvalItemOpenUntil(until),
        ],
      },
    ],
    changes: [],
    state: { kind: 'pending', approvals: 0, needed: 2 },
    requestedByName: PEOPLE[0],
    readOnly,
  });
}

/** the staff council's approval card in its states. */
export const APPROVAL_SAMPLES: readonly CardSample[] = [
  {
    id: 'approval-campaign',
    title: 'Approval card',
    purpose: 'A staff council member reviews a planned campaign in their personal chat (quorum of two, one approved).',
    template: 'approval',
    build: (l) => asAttachment(card(l, 'new')),
  },
  {
    id: 'approval-campaign-changed',
    title: 'Approval card after a change',
    purpose: 'An approved campaign was changed: it is back for approval, and the card names what changed.',
    template: 'approval',
    build: (l) => asAttachment(card(l, 'changed')),
  },
  {
    id: 'approval-campaign-approved',
    title: 'Approval card, approved',
    purpose: 'What the member sees after clicking "Freigeben".',
    template: 'approval',
    build: (l) => asAttachment(card(l, 'approved')),
  },
  {
    id: 'approval-campaign-changes',
    title: 'Approval card, changes requested',
    purpose: 'What the member sees after requesting changes with a comment; the campaign will not post.',
    template: 'approval',
    build: (l) => asAttachment(card(l, 'changes')),
  },
  {
    id: 'approval-item-held',
    title: 'Approval card of a held ad-hoc item',
    purpose:
      'An anonymous poll posted with an "open until" waits for the staff council; it is posted with that time once approved.',
    template: 'approval',
    build: (l) => asAttachment(heldCard(l, false)),
  },
  {
    id: 'approval-item-read-only',
    title: 'Approval card for an admin outside the council',
    purpose: 'An admin lists what waits for the staff council ("freigaben"): the same card without the buttons.',
    template: 'approval',
    build: (l) => asAttachment(heldCard(l, true)),
  },
];

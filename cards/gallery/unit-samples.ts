import { assembleDigest } from '../../core/digest/digest';
import type { Locale } from '../../core/locale';
import type { Organisation } from '../../core/org/org-units';
import { rollUpParticipation, rollUpPolls, type RollupTeamFigures } from '../../core/org/unit-rollup';
import { buildDigestCard } from '../digest-card';
import { asAttachment } from '../render';
import type { CardSample } from './card-sample';
import { PEOPLE, SAMPLE_MIN_GROUP_SIZE, SAMPLE_TIME_ZONE } from './sample-items';

const bi = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);

/** Sozialamt → Abteilung Leistungen (Sachgebiet Wohngeld, Sachgebiet Bildung und Teilhabe) and Abteilung Recht. */
const ORG: Organisation = {
  units: [
    { id: 'sozialamt', name: 'Sozialamt', teamIds: [], leaderIds: ['leader-1'] },
    { id: 'leistungen', name: 'Abteilung Leistungen', parentId: 'sozialamt', teamIds: [], leaderIds: [] },
    { id: 'wohngeld', name: 'Sachgebiet Wohngeld', parentId: 'leistungen', teamIds: ['wg-a', 'wg-b'], leaderIds: [] },
    { id: 'but', name: 'Sachgebiet Bildung und Teilhabe', parentId: 'leistungen', teamIds: ['but'], leaderIds: [] },
    { id: 'recht', name: 'Abteilung Recht', parentId: 'sozialamt', teamIds: ['recht'], leaderIds: [] },
  ],
};
const FIGURES: RollupTeamFigures[] = [
  { teamId: 'wg-a', teamName: 'Wohngeld A–K', participants: 9, members: 14 },
  { teamId: 'wg-b', teamName: 'Wohngeld L–Z', participants: 7, members: 12 },
  { teamId: 'but', teamName: 'Bildung und Teilhabe', participants: 2, members: 4 },
  { teamId: 'recht', teamName: 'Widerspruchsstelle', participants: 8, members: 16 },
];

/** the digest of an Amtsleitung: one unit roll-up over three levels, one Sachgebiet too small to be shown on its own. */
function unitDigest(l: Locale) {
  const figures = new Map(FIGURES.map((f) => [f.teamId, f]));
  const answer = (teamId: string, counts: number[]) => ({
    teamId,
    itemId: `puls-${teamId}`,
    question: bi(
      l,
      'Wie gut fühlst du dich über die E-Akte informiert?',
      'How well informed do you feel about the e-file?',
    ),
    kind: 'poll' as const,
    pollKind: 'single' as const,
    anonymous: true,
    options: bi(l, 'Gut|Teils|Schlecht', 'Well|Partly|Poorly').split('|'),
    createdBy: 'campaign:puls-e-akte',
    tally: { counts, voters: counts.reduce((a, c) => a + c, 0) },
  });
  const digest = assembleDigest({
    leader: { id: 'leader-1', name: PEOPLE[0] ?? '' },
    week: '2026-W10',
    interim: false,
    timeZone: SAMPLE_TIME_ZONE,
    locale: l,
    minGroupSize: SAMPLE_MIN_GROUP_SIZE,
    minGroupSizeText: SAMPLE_MIN_GROUP_SIZE,
    teams: [],
  });
  return {
    ...digest,
    units: [
      {
        unitId: 'sozialamt',
        unitName: 'Sozialamt',
        participation: rollUpParticipation(ORG, 'sozialamt', figures, SAMPLE_MIN_GROUP_SIZE)!,
        newIdeaCount: 7,
        topIdeas: [
          {
            text: bi(l, 'Wohngeldanträge online vorprüfen.', 'Pre-check housing benefit applications online.'),
            teamName: 'Wohngeld A–K',
            supportCount: 6,
            anonymous: false,
          },
          {
            text: bi(l, 'Textbausteine für Widersprüche teilen.', 'Share text modules for objections.'),
            teamName: 'Widerspruchsstelle',
            supportCount: 3,
            anonymous: true,
          },
        ],
        polls: rollUpPolls(
          ORG,
          'sozialamt',
          [answer('wg-a', [5, 3, 1]), answer('wg-b', [2, 4, 1]), answer('recht', [4, 3, 1])],
          new Map(FIGURES.map((f) => [f.teamId, f.members])),
          SAMPLE_MIN_GROUP_SIZE,
        ),
      },
    ],
  };
}

/** the digest of a unit leader: the roll-up over the units and teams below. */
export const UNIT_SAMPLES: readonly CardSample[] = [
  {
    id: 'digest-unit',
    title: 'Weekly digest of a unit leader',
    purpose:
      'An Amtsleitung’s one digest for the unit: participation over every team below with the sub-units and teams large enough to show, a Sachgebiet below the minimum size counted upward (and the figures above it banded so it cannot be told apart), ideas of the week and a campaign result over all teams.',
    template: 'digest',
    build: (l) => asAttachment(buildDigestCard(unitDigest(l))),
  },
];

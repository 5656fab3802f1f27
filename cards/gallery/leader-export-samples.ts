import { messages } from '../../core/messages';
import { buildExportListCard, buildExportReadyCard } from '../export-card';
import { buildLeaderListCard } from '../leader-list-card';
import { buildLeaderPickerCard } from '../leader-picker-card';
import { asAttachment } from '../render';
import { PEOPLE, SAMPLE_MIN_GROUP_SIZE, SAMPLE_TIME_ZONE } from './sample-items';
import type { CardSample } from './card-sample';

const TEAMS = [
  { value: 'team-digital', title: 'Team Digitalisierung' },
  { value: 'jobcenter-mitte', title: 'Jobcenter Mitte' },
];
const members = PEOPLE.map((name, i) => ({
  value: `aad-${i}`,
  title: `${name} (${name.toLowerCase().replace(' ', '.').replace('ü', 'ue')}@amt.example)`,
}));

/** leader assignment (picker, list) and the results export. */
export const LEADER_EXPORT_SAMPLES: readonly CardSample[] = [
  {
    id: 'leader-picker',
    title: 'Leader picker',
    purpose:
      'After `leitung hinzufügen Anna` in the personal chat when Anna is in several teams: pick the team and the person.',
    template: 'leader-picker',
    build: (l) =>
      asAttachment(
        buildLeaderPickerCard(l, { op: 'add', teams: TEAMS, members: members.slice(1, 2), memberValue: 'aad-1' }),
      ),
  },
  {
    id: 'leader-picker-refused',
    title: 'Leader picker with a refusal',
    purpose: 'The picker again, when the chosen person is not a member of the chosen team.',
    template: 'leader-picker',
    build: (l) =>
      asAttachment(
        buildLeaderPickerCard(l, {
          op: 'remove',
          teams: TEAMS,
          members,
          notice: messages(l).errNotLeaderOfTeam(PEOPLE[2], TEAMS[1]!.title),
        }),
      ),
  },
  {
    id: 'leader-list',
    title: 'Leaders per team',
    purpose: 'The answer to `leitungen`/`leaders`: each team with its leaders and who assigned them when.',
    template: 'welcome',
    build: (l) =>
      asAttachment(
        buildLeaderListCard(
          l,
          [
            {
              label: 'Team Digitalisierung',
              leaders: [
                { name: PEOPLE[1], assignedBy: { person: PEOPLE[0] }, at: new Date('2026-03-02T09:00:00Z') },
                { name: PEOPLE[4], assignedBy: { file: 'org.yml' }, at: new Date('2026-03-01T09:00:00Z') },
              ],
            },
            { label: 'Jobcenter Mitte', leaders: [] },
          ],
          { timeZone: SAMPLE_TIME_ZONE, noneAssigned: false },
        ),
      ),
  },
  {
    id: 'export-list',
    title: 'Export: campaigns',
    purpose:
      'The answer to `export`: every campaign the person may export, each with a button that creates the CSV file.',
    template: 'export',
    build: (l) =>
      asAttachment(
        buildExportListCard(
          l,
          [
            {
              id: 'gute-arbeit-puls',
              title: l === 'de' ? 'Gute Arbeit 4.0 – Puls' : 'Good work 4.0 – pulse',
              status: 'running',
              posts: 12,
            },
            {
              id: 'wartezeiten',
              title: l === 'de' ? 'Wartezeiten verkürzen' : 'Shorter waiting times',
              status: 'ended',
              posts: 3,
            },
          ],
          { leaderOnly: true, linkMinutes: 10 },
        ),
      ),
  },
  {
    id: 'export-ready',
    title: 'Export: download link',
    purpose: 'After "create CSV": what the file holds and a download link that expires after ten minutes.',
    template: 'export',
    build: (l) =>
      asAttachment(
        buildExportReadyCard(l, {
          campaignTitle: l === 'de' ? 'Gute Arbeit 4.0 – Puls' : 'Good work 4.0 – pulse',
          items: 12,
          url: 'https://mitwirken.amt.example/exports/eyJjIjoiZ3V0ZS1hcmJlaXQtcHVscyJ9.c2lnbmF0dXJl',
          linkMinutes: 10,
          minGroupSize: SAMPLE_MIN_GROUP_SIZE,
        }),
      ),
  },
];

import { buildLeaderDigest, type DigestLeader } from '../app/digest/digest-builder';
import { buildDigestCard } from '../cards/digest-card';
import { teamsBelow, type Organisation } from '../core/org/org-units';
import { isoWeekKey } from '../core/iso-week';
import type { Benchmark, Metric } from './benchmark';
import { eachLimited, seedWeek, startDigestWorld } from './digest';

const DAY = 86_400_000;

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * an organisation of `unitCount` units (one Amt per five units, each with four Abteilungen) and `teamCount` teams
 * spread evenly over all units: an Amt's roll-up covers its own teams and its Abteilungen', an Abteilung's its own.
 */
function organisation(unitCount: number, teams: string[]): Organisation {
  const units: Organisation['units'] = [];
  for (let u = 0; u < unitCount; u++) {
    const top = u % 5 === 0;
    units.push({
      id: `unit-${u}`,
      name: top ? `Amt ${u / 5 + 1}` : `Abteilung ${u}`,
      ...(!top && { parentId: `unit-${u - (u % 5)}` }),
      teamIds: teams.filter((_, i) => i % unitCount === u),
      leaderIds: [`aad-unit-leader-${u}`],
    });
  }
  return { units };
}

/**
 * the roll-up digests of the unit leaders (buildLeaderDigest plus the card) for 200 teams in 20 units (quick: 20 teams
 * in 5 units), one leader per unit, after a week of 5,000 answers (quick: 500) seeded as in the digest benchmark.
 * Measured in the same run: every team leader's digest (one per team), whose storage requests per team are the bound
 * a roll-up is compared with (a roll-up reads less per team: no trend weeks, no open items, no loop). Each figure is
 * the median of three runs. Flags: --teams N, --units N (a multiple of 5), --answers N.
 */
export const digestUnitsBenchmark: Benchmark = {
  name: 'digest-units',
  description: 'roll-up digests of unit leaders against the team digests of the same week',
  async run({ quick, args, note }): Promise<Metric[]> {
    const teamCount = Number(args.teams ?? (quick ? 20 : 200));
    const unitCount = Number(args.units ?? (quick ? 5 : 20));
    const answersPerWeek = Number(args.answers ?? (quick ? 500 : 5_000));
    const answersPerTeam = Math.max(5, Math.round(answersPerWeek / teamCount));
    const world = await startDigestWorld(teamCount);
    const { tables, config, storage, app, teams, now } = world;
    try {
      const org = organisation(unitCount, teams);
      await storage.org.replaceUnits(
        'org.yml',
        org.units.map(({ leaderIds: _, ...u }) => u),
        now,
      );
      const week = isoWeekKey(new Date(now.getTime() - 7 * DAY), config.timeZone);
      const seedStarted = performance.now();
      await seedWeek(storage, { teams, week, answersPerTeam, timeZone: config.timeZone, digestWeek: true });
      note(
        `${week}: ${teamCount} teams in ${unitCount} units, ${answersPerTeam * teamCount} answers seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
      );
      const unitLeaders: DigestLeader[] = org.units.map((u, i) => ({
        personId: `aad-unit-leader-${i}`,
        name: `Leitung ${u.name}`,
        teamIds: [],
        unitIds: [u.id],
      }));
      const teamLeaders: DigestLeader[] = teams.map((teamId, i) => ({
        personId: `aad-leader-${i}`,
        name: `Leitung ${i}`,
        teamIds: [teamId],
      }));
      /** builds the digests one after another: the requests and the time of each. */
      const build = async (leaders: DigestLeader[]) => {
        const requestsBefore = tables.usage().requests;
        const started = performance.now();
        await eachLimited(leaders, 8, async (leader) => {
          buildDigestCard(await buildLeaderDigest(app.services, leader, week, { interim: false, locale: 'de' }));
        });
        const ms = performance.now() - started;
        await new Promise((r) => setTimeout(r, 200)); // the access log arrives a moment later
        return { ms, requests: tables.usage().requests - requestsBefore };
      };
      const measure = async (leaders: DigestLeader[]) => {
        await build(leaders); // warm-up
        const runs = [await build(leaders), await build(leaders), await build(leaders)];
        return { ms: median(runs.map((r) => r.ms)), requests: median(runs.map((r) => r.requests)) };
      };
      const rollups = await measure(unitLeaders);
      const teamDigests = await measure(teamLeaders);
      await app.close();
      // every unit leader's roll-up covers the teams below their unit: what a roll-up's cost should grow with.
      const teamsCovered = org.units.reduce((a, u) => a + teamsBelow(org, u.id).length, 0);
      const perCoveredTeam = rollups.requests / teamsCovered;
      const perTeamDigestTeam = teamDigests.requests / teamCount;
      return [
        { metric: 'rollup_teams', value: teamCount, unit: 'teams' },
        { metric: 'rollup_units', value: unitCount, unit: 'units' },
        { metric: 'rollup_teams_covered', value: teamsCovered, unit: 'teams' },
        { metric: 'rollup_requests_per_digest', value: round(rollups.requests / unitCount, 1), unit: 'requests' },
        { metric: 'rollup_ms_per_digest', value: round(rollups.ms / unitCount, 1), unit: 'ms' },
        { metric: 'rollup_requests_per_team', value: round(perCoveredTeam, 2), unit: 'requests' },
        { metric: 'team_digest_requests_per_team', value: round(perTeamDigestTeam, 2), unit: 'requests' },
        { metric: 'team_digest_ms_per_digest', value: round(teamDigests.ms / teamCount, 1), unit: 'ms' },
        // below 1: a roll-up costs less per team than the team digest, whose reads are bounded by the week's partitions.
        { metric: 'rollup_requests_ratio', value: round(perCoveredTeam / perTeamDigestTeam), unit: 'ratio' },
      ];
    } finally {
      await world.stop();
    }
  },
};

// Teams: who belongs to which team or channel (rosters, kept briefly), the one access rule for acting on a team's
// things (teamAccess), leader and admin checks, and which channels a team-wide view may draw from.
// This file is the feature's face: the Teams edge and other features import from here, never from its files.

export { channelsVisible, placeOfIdea, teamAccess, type TeamPlace } from './team-access';
export { TeamMembership } from './team-membership';
export { managesTeam, teamName, teamsOfPerson } from './team-roles';
export { leadsTeam } from './team-roles';

import type { Locale } from '../core/locale';
import { messages } from '../core/messages';
import { plainText } from '../core/plain-text';
import template from './templates/help.json';
import welcomeTemplate from './templates/welcome.json';
import { expandTemplate, type AdaptiveCard } from './render';

/** the command overview; admins also see the commands that post and close items. */
export function buildHelpCard(
  locale: Locale,
  options: { isAdmin: boolean; localMode: boolean; isCouncil?: boolean },
): AdaptiveCard {
  const m = messages(locale);
  const adminLines = [
    m.cmdPoll,
    m.cmdRating,
    m.cmdIdea,
    m.cmdClose,
    m.cmdNewCampaign,
    m.cmdCampaigns,
    m.cmdReloadCampaigns,
    m.cmdAddAdmin,
    m.cmdAddLeader,
    m.cmdRemoveLeader,
    m.cmdLeaders,
    m.cmdAudit,
    m.cmdAddCouncil,
    m.cmdRemoveCouncil,
    m.cmdCouncil,
    ...(options.localMode ? [m.cmdDemo] : []),
    m.cmdPostForm,
  ];
  const sections = [
    {
      heading: m.helpEveryoneTitle,
      lines: [
        m.cmdAnswer,
        m.cmdSubmitIdea,
        m.cmdIdeas,
        m.cmdHelp,
        m.cmdDigest,
        m.cmdExport,
        m.cmdMyData,
        m.cmdMeasures,
        m.cmdNewMeasure,
        m.cmdPostResults,
        m.cmdMyIdeas,
        m.cmdResultsView,
      ],
    },
    ...(options.isAdmin ? [{ heading: m.helpAdminTitle, lines: adminLines }] : []),
    ...(options.isCouncil
      ? [{ heading: m.helpCouncilTitle, lines: [m.cmdCouncilAudit, m.cmdCouncilResults, m.cmdCouncilApprovals] }]
      : []),
  ];
  return expandTemplate(template, { title: m.helpTitle, intro: m.helpIntro, sections });
}

/** the one welcome card posted into General when Mitwirken is added to a team. */
export function buildTeamWelcomeCard(locale: Locale, minGroupSize: number): AdaptiveCard {
  const m = messages(locale);
  return expandTemplate(welcomeTemplate, {
    title: m.welcomeTitle,
    paragraphs: [m.welcomeText, m.welcomeResults(minGroupSize), m.welcomeAnonymity, m.welcomeMore],
  });
}

/** the greeting in a new personal chat, with the commands this person may use. */
export function buildGreetingCard(
  locale: Locale,
  options: { name: string; isAdmin: boolean; localMode: boolean },
): AdaptiveCard {
  const m = messages(locale);
  const help = buildHelpCard(locale, options);
  const greeting = expandTemplate(welcomeTemplate, {
    title: m.greetingTitle(plainText(options.name)),
    paragraphs: [m.greetingText],
  });
  return { ...greeting, body: [...(greeting.body as object[]), ...(help.body as object[]).slice(1)] };
}

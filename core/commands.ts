import { z } from 'zod';
import { LIMITS, type ItemDraft } from './items';
import { leaderTarget } from './leader-target';
import { fail, ok, type Outcome, type ProblemKey } from './problems';

/** a chat command, parsed and validated. */
export type Command =
  | { name: 'help' }
  | { name: 'post'; draft: ItemDraft }
  | { name: 'close' }
  | { name: 'demo' }
  | { name: 'campaigns' }
  | { name: 'reloadCampaigns' }
  | { name: 'newCampaign' }
  | { name: 'addAdmin'; who: string }
  /** `idee <Text>`: an idea of the person for their team (not a prompt). */
  | { name: 'submitIdea'; text: string }
  /** `ideen`: the team's top ideas. */
  | { name: 'ideas' }
  | { name: 'addLeader'; who: string; team?: string }
  | { name: 'removeLeader'; who: string; team?: string }
  | { name: 'leaders' }
  | { name: 'digest' }
  | { name: 'export' }
  /** `meine daten`: what is stored about the person, with export and erasure (personal chat). */
  | { name: 'myData' }
  /** `audit`: recent admin and leader actions. */
  | { name: 'audit' }
  /** `ergebnis posten` in an item's thread: a leader or admin posts its results card into the channel. */
  | { name: 'postResults' }
  /** `maßnahmen`: the board of measures (a team's in its channel; the person's teams in the personal chat). */
  | { name: 'measures' }
  /** `maßnahme neu`: the form of a new measure (leaders of the team and admins). */
  | { name: 'newMeasure' }
  /** `meine ideen`: every named idea the person sent, with its status, measure and latest note (personal chat). */
  | { name: 'myIdeas' }
  /** `ergebnisse` / `results`: results of a campaign or item per unit, with trend (personal chat; admins and leaders). */
  | { name: 'resultsView' }
  /**
   * a message that was no command but may be an idea, offered for submission (never stored without a click):
   * `ideen <Text>` (`typed`), or free text in the personal chat (`free`, built by the Teams edge).
   */
  | { name: 'offerIdea'; text: string; from: 'typed' | 'free' }
  /** `personalrat hinzufügen <wer>` / `add council <who>`: an admin grants the staff council role. */
  | { name: 'addCouncil'; who: string }
  /** `personalrat entfernen <wer>` / `remove council <who>`: an admin takes the staff council role away. */
  | { name: 'removeCouncil'; who: string }
  /** `personalrat` / `council`: the members of the staff council (admins). */
  | { name: 'council' }
  /** `umfrage`, `bewertung`, `ideenabfrage` with nothing after them: offers the posting form, that kind chosen. */
  | { name: 'postForm'; kind: 'single' | 'rating' | 'idea' }
  /** `freigaben` / `approvals`: what still waits for the staff council member's approval (council and admins). */
  | { name: 'approvals' };

/**
 * commands only participation managers (admins) may use. Posting and closing items (`post`, `close`, `postForm`)
 * are not here: in a team channel leaders of the team may use them too (app/polls `mayPostIn`), so their handlers check.
 */
export const ADMIN_COMMANDS: ReadonlySet<Command['name']> = new Set([
  'demo',
  'campaigns',
  'reloadCampaigns',
  'newCampaign',
  'addAdmin',
  'addLeader',
  'removeLeader',
  'leaders',
  'audit',
  'addCouncil',
  'removeCouncil',
  'council',
  'approvals',
]);

/** admin commands the staff council (Personalrat) may use too; `audit` shows them only what concerns them. */
export const COUNCIL_COMMANDS: ReadonlySet<Command['name']> = new Set(['audit', 'approvals']);

type Keyword =
  | 'help'
  | 'poll'
  | 'rating'
  | 'idea'
  | 'submitIdea'
  | 'ideas'
  | 'close'
  | 'demo'
  | 'campaigns'
  | 'reload'
  | 'campaign'
  | 'new'
  | 'admin'
  | 'add'
  | 'leader'
  | 'leaders'
  | 'remove'
  | 'digest'
  | 'export'
  | 'my'
  | 'audit'
  | 'results'
  | 'postVerb'
  | 'measures'
  | 'measure'
  | 'council'
  | 'approvals';

/** German and English words for each command. */
const KEYWORDS: Record<string, Keyword> = {
  hilfe: 'help',
  help: 'help',
  meine: 'my',
  my: 'my',
  audit: 'audit',
  protokoll: 'audit',
  '?': 'help',
  umfrage: 'poll',
  poll: 'poll',
  bewertung: 'rating',
  rating: 'rating',
  idee: 'submitIdea',
  idea: 'submitIdea',
  ideen: 'ideas',
  ideas: 'ideas',
  ideenabfrage: 'idea',
  prompt: 'idea',
  schließen: 'close',
  schliessen: 'close',
  close: 'close',
  demo: 'demo',
  kampagnen: 'campaigns',
  campaigns: 'campaigns',
  reload: 'reload',
  kampagne: 'campaign',
  new: 'new',
  neu: 'new',
  neue: 'new',
  admin: 'admin',
  add: 'add',
  leitung: 'leader',
  leader: 'leader',
  leitungen: 'leaders',
  leaders: 'leaders',
  remove: 'remove',
  überblick: 'digest',
  ueberblick: 'digest',
  digest: 'digest',
  export: 'export',
  exportieren: 'export',
  ergebnis: 'results',
  ergebnisse: 'results',
  results: 'results',
  post: 'postVerb',
  maßnahmen: 'measures',
  massnahmen: 'measures',
  measures: 'measures',
  maßnahme: 'measure',
  massnahme: 'measure',
  measure: 'measure',
  personalrat: 'council',
  council: 'council',
  freigaben: 'approvals',
  approvals: 'approvals',
};

/** `maßnahme neu|anlegen|new`, `neue maßnahme`, `new measure`: the form of a new measure. */
const NEW_AFTER_MEASURE: ReadonlySet<string> = new Set(['neu', 'new', 'anlegen']);
const MEASURE_AFTER_NEW: ReadonlySet<string> = new Set(['maßnahme', 'massnahme', 'measure']);

const FLAGS: Record<string, 'anonymous' | 'multi'> = {
  anonym: 'anonymous',
  anonymous: 'anonymous',
  mehrfach: 'multi',
  multi: 'multi',
  multiple: 'multi',
};

const question = z
  .string()
  .trim()
  .min(1, { message: 'errMissingQuestion' })
  .max(LIMITS.questionMax, { message: 'errQuestionTooLong' });

const pollOptions = z
  .array(z.string().trim().min(1, { message: 'errOptionEmpty' }).max(LIMITS.optionMax, { message: 'errOptionTooLong' }))
  .min(LIMITS.optionsMin, { message: 'errTooFewOptions' })
  .max(LIMITS.optionsMax, { message: 'errTooManyOptions' })
  .refine((opts) => new Set(opts.map((o) => o.toLowerCase())).size === opts.length, { message: 'errDuplicateOptions' });

/** the zod schema of an item draft; the same rules apply to commands, card payloads and campaign items. */
export const itemDraftSchema = z
  .object({
    kind: z.enum(['poll', 'idea'], { message: 'errInvalidPayload' }),
    pollKind: z.enum(['single', 'multi', 'rating'], { message: 'errInvalidPayload' }).optional(),
    question,
    options: z.array(z.string({ message: 'errInvalidPayload' }), { message: 'errInvalidPayload' }),
    maxChoices: z
      .int({ message: 'errInvalidPayload' })
      .min(1, { message: 'errInvalidPayload' })
      .max(LIMITS.optionsMax, { message: 'errInvalidPayload' })
      .optional(),
    anonymous: z.boolean({ message: 'errInvalidPayload' }),
  })
  .superRefine((d, ctx) => {
    const choiceList = d.kind === 'poll' && d.pollKind !== 'rating';
    if (d.kind === 'poll' && !d.pollKind)
      ctx.addIssue({ code: 'custom', message: 'errInvalidPayload', path: ['pollKind'] });
    if (d.kind === 'idea' && d.pollKind)
      ctx.addIssue({ code: 'custom', message: 'errInvalidPayload', path: ['pollKind'] });
    if (d.maxChoices !== undefined && (d.pollKind !== 'multi' || d.maxChoices > d.options.length))
      ctx.addIssue({ code: 'custom', message: 'errInvalidPayload', path: ['maxChoices'] });
    if (!choiceList) {
      if (d.options.some((o) => o.trim() !== ''))
        ctx.addIssue({ code: 'custom', message: 'errOptionsNotAllowed', path: ['options'] });
      return;
    }
    const checked = pollOptions.safeParse(d.options);
    if (!checked.success)
      for (const issue of checked.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['options'] });
  })
  .transform((d): ItemDraft => {
    const choiceList = d.kind === 'poll' && d.pollKind !== 'rating';
    return {
      kind: d.kind,
      ...(d.kind === 'poll' ? { pollKind: d.pollKind } : {}),
      ...(d.maxChoices !== undefined && d.maxChoices < d.options.length ? { maxChoices: d.maxChoices } : {}),
      question: d.question,
      options: choiceList ? d.options.map((o) => o.trim()) : [],
      anonymous: d.anonymous,
    };
  });

const LIMIT_ARGS: Partial<Record<ProblemKey, number>> = {
  errQuestionTooLong: LIMITS.questionMax,
  errOptionTooLong: LIMITS.optionMax,
};

/** validates an item draft and names the first problem in the person's terms. */
export function validateDraft(input: unknown): Outcome<ItemDraft> {
  const parsed = itemDraftSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const key = (parsed.error.issues.find((i) => i.message.startsWith('err'))?.message ??
    'errInvalidPayload') as ProblemKey;
  const limit = LIMIT_ARGS[key];
  return limit === undefined ? fail(key) : fail(key, limit);
}

/**
 * the text of `idee <Text>`, line breaks kept. Such ideas always carry the author's name, so a leading flag
 * (`--anonym`) is refused rather than stored as part of a named idea.
 */
function parseIdeaText(body: string): Outcome<Command> {
  const text = body.trim();
  if (/^(--|[\u2013\u2014]\S)/.test(text)) return fail('errIdeaNamedOnly');
  if (text === '') return fail('errIdeaTextMissing');
  if (text.length > LIMITS.ideaMax) return fail('errIdeaTooLong', LIMITS.ideaMax);
  return ok({ name: 'submitIdea', text });
}

/** normalises what chat clients do to typed text: non-breaking spaces, a long dash typed for "--" before a flag. */
function normalise(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/(^|\s)[\u2013\u2014](?=\S)/g, '$1--')
    .trim();
}

/**
 * parses the text of a chat message (the bot's @mention already removed) into a command.
 * Syntax: `umfrage [--anonym] [--mehrfach] Frage? | A | B`, `bewertung Frage?`, `ideenabfrage Frage?`, `idee <Text>`, `ideen`,
 * `schließen`, `hilfe`, `demo`,
 * `kampagnen`, `kampagnen laden`, `kampagne neu`, `admin hinzufügen <wer>`, `leitung hinzufügen|entfernen <wer> [für <Team>]`,
 * `leitungen`, `überblick`, `export` (English: poll, rating, prompt, idea <text>, ideas, close, help, demo, campaigns, reload campaigns, new campaign,
 * add admin <who>, add|remove leader <who> [to|from <team>], leaders, digest, export).
 */
export function parseCommand(raw: string): Outcome<Command> {
  const text = normalise(raw);
  if (!text) return ok({ name: 'help' });
  const [first = '', ...rest] = text.split(/\s+/);
  const keyword = KEYWORDS[first.toLowerCase()];
  if (!keyword) return fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'help') return ok({ name: 'help' });
  if (keyword === 'close') return ok({ name: 'close' });
  if (keyword === 'demo') return ok({ name: 'demo' });
  if (keyword === 'ideas') {
    // `ideen Mein Vorschlag …` is taken for a mistyped `idee`: its text is offered as an idea, never dropped.
    const after = raw
      .replace(/\u00a0/g, ' ')
      .trim()
      .slice(first.length)
      .trim();
    return after === '' ? ok({ name: 'ideas' }) : ok({ name: 'offerIdea', text: after, from: 'typed' });
  }
  if (keyword === 'submitIdea')
    return parseIdeaText(
      raw
        .replace(/\u00a0/g, ' ')
        .trim()
        .slice(first.length),
    );
  const next = rest[0]?.toLowerCase();
  if (keyword === 'campaigns')
    return ok(next === 'laden' || next === 'reload' ? { name: 'reloadCampaigns' } : { name: 'campaigns' });
  if (keyword === 'campaign')
    return next === 'neu' || next === 'new'
      ? ok({ name: 'newCampaign' })
      : fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'measures') return ok({ name: 'measures' });
  if (keyword === 'measure')
    return next !== undefined && NEW_AFTER_MEASURE.has(next)
      ? ok({ name: 'newMeasure' })
      : fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'new' && next !== undefined && MEASURE_AFTER_NEW.has(next)) return ok({ name: 'newMeasure' });
  if (keyword === 'new')
    return next === 'campaign' || next === 'kampagne'
      ? ok({ name: 'newCampaign' })
      : fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'admin' && (next === 'hinzufügen' || next === 'hinzufuegen' || next === 'add'))
    return ok({ name: 'addAdmin', who: rest.slice(1).join(' ').slice(0, 200) });
  if (keyword === 'add' && next === 'admin')
    return ok({ name: 'addAdmin', who: rest.slice(1).join(' ').slice(0, 200) });
  const leaderAdd =
    (keyword === 'leader' && (next === 'hinzufügen' || next === 'hinzufuegen' || next === 'add')) ||
    (keyword === 'add' && next === 'leader');
  const leaderRemove =
    (keyword === 'leader' && (next === 'entfernen' || next === 'remove')) ||
    (keyword === 'remove' && next === 'leader');
  if (leaderAdd || leaderRemove)
    return ok({ name: leaderAdd ? 'addLeader' : 'removeLeader', ...leaderTarget(rest.slice(1)) });
  if (keyword === 'leaders') return ok({ name: 'leaders' });
  if (keyword === 'digest') return ok({ name: 'digest' });
  if (keyword === 'export') return ok({ name: 'export' });
  if (keyword === 'audit') return ok({ name: 'audit' });
  if (keyword === 'my' && (next === 'ideen' || next === 'ideas')) return ok({ name: 'myIdeas' });
  if (keyword === 'my')
    return next === 'daten' || next === 'data' ? ok({ name: 'myData' }) : fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'results' && next === undefined) return ok({ name: 'resultsView' });
  if (keyword === 'results')
    return next === 'posten' ? ok({ name: 'postResults' }) : fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'postVerb')
    return next === 'results' || next === 'result'
      ? ok({ name: 'postResults' })
      : fail('errUnknownCommand', first.slice(0, 40));
  const councilWho = rest.slice(1).join(' ').slice(0, 200);
  if (keyword === 'council' && next === undefined) return ok({ name: 'council' });
  if (
    (keyword === 'council' && (next === 'hinzufügen' || next === 'hinzufuegen' || next === 'add')) ||
    (keyword === 'add' && next === 'council')
  )
    return ok({ name: 'addCouncil', who: councilWho });
  if (
    (keyword === 'council' && (next === 'entfernen' || next === 'remove')) ||
    (keyword === 'remove' && next === 'council')
  )
    return ok({ name: 'removeCouncil', who: councilWho });
  if (keyword === 'council') return fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'approvals')
    return next === undefined ? ok({ name: 'approvals' }) : fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'admin' || keyword === 'add' || keyword === 'leader' || keyword === 'remove')
    return fail('errUnknownCommand', first.slice(0, 40));
  if (keyword === 'reload')
    return next === 'campaigns' || next === 'kampagnen'
      ? ok({ name: 'reloadCampaigns' })
      : fail('errUnknownCommand', first.slice(0, 40));

  const flags = new Set<'anonymous' | 'multi'>();
  while (rest[0]?.startsWith('--')) {
    const word = rest.shift() as string;
    const flag = FLAGS[word.slice(2).toLowerCase()];
    if (!flag || (flag === 'multi' && keyword !== 'poll')) return fail('errUnknownFlag', word.slice(0, 40));
    flags.add(flag);
  }
  const body = rest.join(' ');
  if (flags.size === 0 && body.trim() === '')
    return ok({ name: 'postForm', kind: keyword === 'poll' ? 'single' : keyword === 'rating' ? 'rating' : 'idea' });
  const [q = '', ...options] = body.split('|');
  const anonymous = flags.has('anonymous');
  const draft =
    keyword === 'poll'
      ? { kind: 'poll', pollKind: flags.has('multi') ? 'multi' : 'single', question: q, options, anonymous }
      : keyword === 'rating'
        ? { kind: 'poll', pollKind: 'rating', question: q, options, anonymous }
        : { kind: 'idea', question: q, options, anonymous };
  const valid = validateDraft(draft);
  return valid.ok ? ok({ name: 'post', draft: valid.value }) : valid;
}

/**
 * Text written by people – ideas, status notes, names, questions, poll options, campaign and team names – as
 * Teams must show it: literally. Teams reads Markdown in Adaptive Card TextBlocks and FactSets and in bot chat
 * messages, so `**WICHTIG:** [hier neu anmelden](https://…)` would otherwise appear as bold text and a link under
 * Mitwirken's name. Every character that can start formatting gets a CommonMark backslash escape, which Teams
 * (desktop, web and current mobile clients) shows as the bare character, so the card reads exactly as typed:
 *
 * - anywhere: `\` `*` `_` `` ` `` `~` `[` `]` `<` `|` (emphasis, links and images, code, strikethrough, tables,
 *   autolinks, HTML and `<at>` mentions) and `&` where it would start an entity such as `&#42;`;
 * - at the start of a line: `#` (heading), `>` (quote), `-` `+` `=` (list, rule, heading underline) and the
 *   `.` or `)` after a number (numbered list); indentation there is dropped, as Markdown never shows it and four
 *   spaces would start a code block.
 *
 * Apply it exactly once, to the person's text itself, before it goes into one of our sentences or a card field
 * (a second pass would show the backslashes). Not for Input values, choice titles or button titles: Teams shows
 * those as they are. Shorten before escaping, so an escape is never cut in half.
 */
export function plainText(text: string): string {
  return text
    .replace(/[\\`*_~[\]<|]/g, '\\$&')
    .replace(/&(?=#[0-9]+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;)/gi, '\\&')
    .replace(/^[ \t]+/gm, '')
    .replace(/^[#>+=-]/gm, '\\$&')
    .replace(/^([0-9]+)([.)])(?=\s|$)/gm, '$1\\$2');
}

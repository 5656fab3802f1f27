/** texts of the menus, free text in the chat, and words people recognise (General, yes/no), German first; core/messages.ts merges every area. */
export const menusDe = {
  /** the General channel as Teams shows it to German readers. */
  generalChannel: 'Allgemein',
  optionYes: 'Ja',
  optionNo: 'Nein',
  groupChatNotSupported:
    'Mitwirken arbeitet in Teamkanälen und im persönlichen Chat. Schreiben Sie mir dort – im Kanal mit @Mitwirken, im persönlichen Chat direkt.',
  offerIdeaTitle: 'Als Idee einreichen?',
  offerIdeaIntro: 'Diesen Befehl kenne ich nicht. Soll ich Ihre Nachricht als Idee an eines Ihrer Teams geben?',
  offerIdeaHelp: 'Oder schreiben Sie „hilfe“ für alle Befehle.',
  offerIdeaSubmit: 'Als Idee einreichen',
  offerIdeaNoTeam:
    'Diesen Befehl kenne ich nicht. Als Idee kann ich Ihre Nachricht nicht weitergeben, weil Mitwirken noch in keinem Ihrer Teams ist. Mit „hilfe“ sehen Sie alle Befehle.',
  meantIdeaTitle: 'Meinten Sie „idee …“?',
  meantIdeaIntro: '„ideen“ zeigt die Top-Ideen des Teams. Ihren Text kann ich als Idee einreichen:',
  meantIdeaHint: 'Die Top-Ideen sehen Sie mit „ideen“ ohne weiteren Text.',
  meantIdeaSubmit: 'Als Idee für dieses Team einreichen',
  errIdeaOfferNotYours: 'Diesen Vorschlag kann nur die Person einreichen, die ihn geschrieben hat.',
};

export const menusEn: typeof menusDe = {
  generalChannel: 'General',
  optionYes: 'Yes',
  optionNo: 'No',
  groupChatNotSupported:
    'Mitwirken works in team channels and in the personal chat. Write to me there – in a channel with @Mitwirken, in the personal chat directly.',
  offerIdeaTitle: 'Submit as an idea?',
  offerIdeaIntro: 'I do not know this command. Shall I pass your message on to one of your teams as an idea?',
  offerIdeaHelp: 'Or write “help” to see all commands.',
  offerIdeaSubmit: 'Submit as idea',
  offerIdeaNoTeam:
    'I do not know this command. I cannot pass your message on as an idea, because Mitwirken is not in any of your teams yet. Write “help” to see all commands.',
  meantIdeaTitle: 'Did you mean “idea …”?',
  meantIdeaIntro: '“ideas” shows the team’s top ideas. I can submit your text as an idea:',
  meantIdeaHint: 'To see the top ideas, write “ideas” with no further text.',
  meantIdeaSubmit: 'Submit as an idea for this team',
  errIdeaOfferNotYours: 'Only the person who wrote this suggestion can submit it.',
};

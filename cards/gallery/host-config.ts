/**
 * a host config and page styles that make the `adaptivecards` JS renderer look like Teams' light theme
 * (new Teams, Fluent 2 colours). An approximation for the gallery and the card checks, not Teams itself:
 * Teams draws charts, Segoe UI and its own buttons; here charts show their fallback.
 */

/** the width Teams gives a card in a channel post or chat on a desktop client. */
export const TEAMS_CARD_WIDTH = 450;

const text = { default: '#242424', subtle: '#616161' };
const colors = (background: string) => ({
  backgroundColor: background,
  foregroundColors: {
    default: text,
    dark: { default: '#242424', subtle: '#616161' },
    light: { default: '#ffffff', subtle: '#f5f5f5' },
    accent: { default: '#5b5fc7', subtle: '#7f85f5' },
    good: { default: '#0e700e', subtle: '#107c10' },
    warning: { default: '#8a3707', subtle: '#bc4b09' },
    attention: { default: '#c4314b', subtle: '#d13438' },
  },
});

/** the host config (schema of `adaptivecards`' HostConfig), Adaptive Cards 1.5 as Teams supports it. */
export const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  choiceSetInputValueSeparator: ',',
  fontFamily:
    "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e0e0e0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: colors('#ffffff'),
    emphasis: colors('#f0f0f0'),
    accent: colors('#c5cbfa'),
    good: colors('#f1faf1'),
    attention: colors('#fdf3f4'),
    warning: colors('#fff9f5'),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: true },
  inputs: {
    label: { requiredInputs: { suffix: ' *', suffixColor: 'attention' }, optionalInputs: {} },
    errorMessage: { size: 'small', color: 'attention' },
  },
  textBlock: { headingLevel: 2 },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  imageSet: { imageSize: 'medium', maxImageHeight: 100 },
} as const;

/** page styles for what the host config cannot express: Teams-like buttons, inputs and the card frame. */
export const TEAMS_CARD_CSS = `
  body { margin: 0; padding: 16px; background: transparent; }
  .card-frame { width: ${TEAMS_CARD_WIDTH}px; box-sizing: border-box; background: #ffffff; border: 1px solid #e0e0e0; border-radius: 8px; overflow: hidden; }
  .ac-adaptiveCard { font-family: ${TEAMS_HOST_CONFIG.fontFamily}; }
  .ac-pushButton {
    font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; background: #ffffff;
    border: 1px solid #d1d1d1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer;
    overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
  }
  .ac-pushButton.style-positive, .ac-pushButton.primary { color: #ffffff; background: #5b5fc7; border-color: #5b5fc7; }
  .ac-pushButton.style-destructive { color: #c4314b; }
  .ac-input { font-family: inherit; font-size: 14px; color: #242424; }
  .ac-textInput, .ac-multichoiceInput, select.ac-input, .ac-numberInput, .ac-dateInput, .ac-timeInput {
    border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; padding: 6px 10px; background: #ffffff; box-sizing: border-box;
  }
  .ac-textInput.ac-multiline { min-height: 72px; resize: none; }
  .ac-input-container input[type=radio], .ac-input-container input[type=checkbox] { accent-color: #5b5fc7; width: 16px; height: 16px; margin: 2px 8px 2px 0; }
`;

import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's light theme with colours that pass WCAG 2.1 AA (4.5:1 for text; #13 item 10,
 * checked by test/e2e/accessibility.test.ts). Its app bar blue (#2196f3) carried white text at
 * 3.1:1, MUI's orange (#ed6c02: 待处理 chips, 撤回) 3.1:1, its blue (#1976d2) 4.0:1 as a label
 * on a filled field. Each colour below reaches 4.5:1 with white, on white and on the grey of a
 * filled field (#f0f0f0), so a chip, an outlined button and a focused label all read. The app
 * bar is `secondary` in react-admin: it takes the same blue as `primary`, one brand colour.
 * The dark theme stays react-admin's (its light colours on dark greys already pass).
 */
const BLUE = '#1565c0'; // MUI blue[800]: 5.8:1 with white
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: BLUE },
    secondary: { light: '#5e92f3', main: BLUE, dark: '#003c8f', contrastText: '#fff' },
    warning: { main: '#ad4e00' }, // a dark orange: 5.4:1 with white
    info: { main: '#0277bd' }, // MUI lightBlue[800]: 4.8:1
    error: { main: '#c62828' }, // MUI red[800]: 5.6:1 (MUI's #d32f2f is 4.4:1 on a filled field)
  },
};

import { app } from 'electron';

/** The computer's region ("NL"), the first default country of a workspace; null when Electron cannot tell. */
export function electronSystemCountry(): string | null {
  const code = app.getLocaleCountryCode();
  return /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : null;
}

// The inspector is often on a projector: secrets are shown only in part. A password is all dots. A CSRF token
// keeps its first characters: enough to see that it was sent, and that both lanes send the same one, not
// enough for anyone in the room to forge a request from the presenter's browser.

/** What a password field's value shows as. */
export const hiddenPassword = '••••••';

/** A CSRF token as shown: its first six characters and an ellipsis. */
export function shortToken(token: string): string {
  return token.length > 6 ? `${token.slice(0, 6)}…` : token;
}

/** The visitor's token, wherever it appears (a form's hidden field, a whole page's meta tag), shown short. */
export function hideToken(text: string, token: string | undefined): string {
  return token && text.includes(token) ? text.replaceAll(token, shortToken(token)) : text;
}

/** A password's value, in a form-encoded or a JSON body, is replaced for display; the rest is shown as sent. */
export function hidePasswords(body: string): string {
  return body
    .replace(/(^|&)(password=)[^&]*/g, `$1$2${hiddenPassword}`)
    .replace(/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${hiddenPassword}"`);
}

// Text made safe to put in HTML, for what the server renders without EJS (code panels, plain notes), and EJS's own
// escaping done faster for a view drawn many times a second.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const needsEscaping = /[&<>"']/;

/**
 * What EJS's `<%= %>` makes of a value (the same entities: &amp; &lt; &gt; &#34; &#39;), without a function call
 * per character replaced: an answer shown in the inspector is mostly markup.
 */
export function escapeLikeEjs(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (!needsEscaping.test(text)) return text;
  let escaped = '';
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const entity = entityOf(text.charCodeAt(at));
    if (entity === undefined) continue;
    escaped += text.slice(from, at) + entity;
    from = at + 1;
  }
  return escaped + text.slice(from);
}

function entityOf(code: number): string | undefined {
  switch (code) {
    case 38: return '&amp;';
    case 60: return '&lt;';
    case 62: return '&gt;';
    case 34: return '&#34;';
    case 39: return '&#39;';
    default: return undefined;
  }
}

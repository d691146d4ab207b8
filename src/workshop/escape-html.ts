// Text made safe to put in HTML, for what the server renders without EJS (code panels, plain notes).
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

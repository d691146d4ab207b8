// Lesson 1's state: one like count per lane, kept in the server's memory (a restart starts from 0).
export const likes = { json: 0, htmx: 0 };

export function resetLikes(): void {
  likes.json = 0;
  likes.htmx = 0;
}

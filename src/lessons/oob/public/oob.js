// JSON lane: one answer, {"item", "count"}, written by this script into two places: the list and the badge.
import { sendJson, showError } from '/static/lessons/shared/send.js';

const form = document.getElementById('oob-form-json');
const input = document.getElementById('oob-text-json');
const problem = document.getElementById('oob-problem-json');
const list = document.getElementById('oob-list-json');
const badge = document.getElementById('oob-count-json');

// One <li> a second time: views/json.ejs draws the list on page load, this draws each new item.
function renderItem(item) {
  const li = document.createElement('li');
  const text = document.createElement('span');
  text.textContent = item.text; // textContent, never innerHTML: the text is whatever someone typed
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.dataset.id = item.id;
  remove.textContent = '✕';
  remove.setAttribute('aria-label', `${list.dataset.remove}: ${item.text}`);
  li.append(text, ' ', remove);
  return li;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const answer = await sendJson('/api/oob/items', { body: { text: input.value } });
    list.append(renderItem(answer.item)); // place one
    badge.textContent = answer.count; // place two, elsewhere on the page
    form.reset();
    input.focus();
    showError(problem, '');
  } catch (failure) {
    showError(problem, failure.message);
  }
});

list.addEventListener('click', async (event) => {
  const remove = event.target.closest('button[data-id]');
  if (!remove) return;
  try {
    const answer = await sendJson(`/api/oob/items/${remove.dataset.id}`, { method: 'DELETE' });
    remove.closest('li').remove();
    badge.textContent = answer.count;
    input.focus(); // the button that had focus is gone
  } catch (failure) {
    showError(problem, failure.message);
  }
});

// JSON lane: build a nested object from the fields, send it as JSON, and draw the answer into the page ourselves.
import { sendJson, showError } from '/static/lessons/shared/send.js';

const name = document.getElementById('payload-json-name');
const form = document.getElementById('payload-json-form');
const error = document.getElementById('payload-json-error');
const type = document.getElementById('payload-json-type');
const received = document.getElementById('payload-json-received');
const comments = document.getElementById('payload-json-comments');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!name.reportValidity()) return; // the name field sits outside this form
  const fields = new FormData(form);
  const body = {
    thread: Number(form.dataset.thread),
    author: { name: name.value },
    comment: { text: fields.get('text'), tags: fields.getAll('tags') },
  };
  try {
    const data = await sendJson('/api/payload/comments', { body });
    type.textContent = data.type;
    received.textContent = JSON.stringify(data.received, null, 2);
    comments.replaceChildren(...data.comments.map(renderComment));
    form.reset();
    showError(error, '');
  } catch (failure) {
    showError(error, failure.message);
  }
});

/** The same markup as views/_result.ejs draws on a page load: a second place that renders a comment. */
function renderComment(comment) {
  const item = document.createElement('li');
  const author = document.createElement('strong');
  author.textContent = comment.name;
  item.append(author);
  for (const tag of comment.tags) {
    const chip = document.createElement('span');
    chip.className = 'tag';
    chip.textContent = `#${tag}`;
    item.append(' ', chip);
  }
  const text = document.createElement('p');
  text.textContent = comment.text;
  item.append(text);
  return item;
}

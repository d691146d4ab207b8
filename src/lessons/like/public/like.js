// JSON lane: on click, POST to /api/like, read {"likes": N}, and write N into the page ourselves.
import { sendJson, showError } from '/static/lessons/shared/send.js';

const button = document.getElementById('like-button');
const count = document.getElementById('count');
const error = document.getElementById('like-error');

button.addEventListener('click', async () => {
  try {
    const data = await sendJson('/api/like');
    count.innerText = data.likes;
    button.classList.add('btn-liked');
    showError(error, '');
  } catch (failure) {
    showError(error, failure.message);
  }
});

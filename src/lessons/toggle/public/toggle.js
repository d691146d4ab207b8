// JSON lane: the client holds the rules. It keeps `signedIn` and `liked`, picks the URL and the method, and
// knows that a 401 means "offer to log in". The server only answers {"liked", "likes"}.
import { HttpError, sendJson, showError } from '/static/lessons/shared/send.js';

const button = document.getElementById('json-toggle-button');
const error = document.getElementById('json-toggle-error');
const words = button.dataset;
let signedIn = words.signedIn === 'true';
let liked = words.liked === 'true';
let likes = Number(words.likes);

// The button a second time: views/json.ejs draws it on page load, this draws it after every answer.
function draw() {
  button.textContent = !signedIn ? `🔑 ${words.logIn}` : `${liked ? '❤️' : '🤍'} ${liked ? words.unlike : words.like} (${likes})`;
  button.classList.toggle('btn-liked', signedIn && liked);
}

async function send() {
  if (!signedIn) {
    const answer = await sendJson('/api/toggle/login');
    // The page's switch shows the session too, and only this client knows it just changed.
    const signedOut = document.getElementById('signed-out');
    if (signedOut) signedOut.checked = false;
    return answer;
  }
  return sendJson('/api/toggle/like', { method: liked ? 'DELETE' : 'POST' });
}

button.addEventListener('click', async () => {
  try {
    ({ liked, likes } = await send());
    signedIn = true;
    showError(error, '');
  } catch (failure) {
    if (failure instanceof HttpError && failure.status === 401) {
      signedIn = false;
    } else {
      showError(error, failure.message);
    }
  }
  draw();
});

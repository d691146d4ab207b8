// JSON lane: every failure is this script's to handle: the spinner, the disabled button, response.ok, try/catch, a retry.
import { HttpError, sendJson, showError } from '/static/lessons/shared/send.js';

const demo = document.getElementById('json-news-demo');
const button = document.getElementById('json-news-button');
const loading = document.getElementById('json-news-loading');
const news = document.getElementById('json-news');
const error = document.getElementById('json-news-error');

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A GET changes nothing, so it is safe to send twice: a network failure gets one more try after a second. */
async function getNews() {
  try {
    return await sendJson('/api/failure/news', { method: 'GET' });
  } catch (failure) {
    if (failure instanceof HttpError) throw failure; // the server did answer: trying again at once rarely helps
    await pause(1000);
    return sendJson('/api/failure/news', { method: 'GET' });
  }
}

function showNews({ headline, publishedAt }) {
  const line = document.createElement('p');
  const time = document.createElement('time');
  line.className = 'news';
  time.dateTime = publishedAt;
  time.textContent = new Date(publishedAt).toTimeString().slice(0, 8); // 24-hour HH:MM:SS, as the server writes it
  line.append(time, ` ${headline}`);
  news.replaceChildren(line);
}

button.addEventListener('click', async () => {
  // A disabled button drops keyboard focus: it is given back below, unless the learner has moved on meanwhile.
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  loading.hidden = false;
  showError(error, '');
  try {
    showNews(await getNews());
  } catch (failure) {
    showError(error, failure instanceof HttpError
      ? `${demo.dataset.serverFailed} (HTTP ${failure.status})`
      : `${demo.dataset.networkFailed} ${demo.dataset.triedTwice}`);
  } finally {
    button.disabled = false;
    loading.hidden = true;
    if (hadFocus && (document.activeElement === button || document.activeElement === document.body)) button.focus();
  }
});

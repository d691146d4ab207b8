// JSON lane: send the form as JSON; on 422, put each {"errors": {"field": "message"}} next to its field ourselves.
import { sendJson, showError } from '/static/lessons/shared/send.js';

const form = document.getElementById('signup-json');
const welcome = document.getElementById('signup-json-welcome');
const error = document.getElementById('signup-json-error');
form.querySelector('button[type="submit"]').disabled = false; // the HTML leaves it off until this script runs

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  welcome.hidden = true;
  showError(error, '');
  try {
    const { user } = await sendJson('/api/form/signups', { body: Object.fromEntries(new FormData(form)) });
    showErrors({});
    form.reset();
    welcome.textContent = welcome.dataset.template.replace('{name}', user.name);
    welcome.hidden = false;
  } catch (failure) {
    if (failure.status === 422 && failure.data.errors) return showErrors(failure.data.errors);
    showError(error, failure.message);
  }
});

/** Marks each field named in `errors` invalid, with its message beside it, and focuses the first one. */
function showErrors(errors) {
  let first;
  for (const input of form.elements) {
    if (!input.name) continue;
    const message = errors[input.name] ?? '';
    document.getElementById(`${input.id}-error`).textContent = message;
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      first ??= input;
    } else {
      input.removeAttribute('aria-invalid');
    }
  }
  first?.focus();
}

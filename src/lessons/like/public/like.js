// JSON lane: on click, POST to /api/like, read {"likes": N}, and write N into the page ourselves.
const button = document.getElementById('like-button');
const count = document.getElementById('count');
const error = document.getElementById('like-error');
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;

button.addEventListener('click', async () => {
  try {
    const response = await fetch('/api/like', {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrfToken },
    });
    const data = await response.json().catch(() => ({})); // an error page from a proxy is not JSON
    if (!response.ok) throw new Error(data.error?.message ?? `${response.status} ${response.statusText}`);

    count.innerText = data.likes;
    button.classList.add('btn-liked');
    error.hidden = true;
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
  }
});

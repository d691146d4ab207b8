// JSON lane: this page is one more client of /api/v1, as a phone app would be: it fetches data and draws it itself.
import { sendJson, showError } from '/static/lessons/shared/send.js';

const demo = document.getElementById('json-tasks-demo');
const list = document.getElementById('json-task-list');
const detail = document.getElementById('json-task');
const error = document.getElementById('json-tasks-error');
const words = demo.dataset; // the server put the UI words in the page for this script

// The client's own copy of the server's data: it goes stale when another client changes a task.
let tasks = [];
let selected;

function drawList() {
  list.replaceChildren(...tasks.map((task) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.id = task.id;
    button.textContent = `${task.done ? '✓' : '○'} ${task.title}`;
    if (task.id === selected?.id) button.setAttribute('aria-current', 'true');
    const item = document.createElement('li');
    item.append(button);
    return item;
  }));
}

function drawTask() {
  const title = document.createElement('h4');
  title.textContent = selected.title;
  const state = document.createElement('p');
  state.textContent = selected.done ? words.done : words.todo;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.id = 'json-task-toggle';
  toggle.textContent = selected.done ? words.markTodo : words.markDone;
  detail.replaceChildren(title, state, toggle);
}

/** Runs one exchange with the API; a failure shows under the list instead of breaking the page. */
async function talk(work) {
  try {
    await work();
    showError(error, '');
  } catch (failure) {
    showError(error, failure.message);
  }
}

async function loadList() {
  ({ tasks } = await sendJson('/api/v1/tasks', { method: 'GET' }));
  drawList();
}

function keep(task) {
  selected = task;
  tasks = tasks.map((t) => (t.id === task.id ? task : t));
  // The redraw replaces the button that has keyboard focus: focus goes to its new copy.
  const focused = document.activeElement;
  const again = focused?.dataset.id ? `button[data-id="${focused.dataset.id}"]` : focused?.id === 'json-task-toggle' ? '#json-task-toggle' : '';
  drawList();
  drawTask();
  if (again && !focused.isConnected) demo.querySelector(again)?.focus();
}

list.addEventListener('click', (event) => {
  const id = event.target.closest('button[data-id]')?.dataset.id;
  if (id) talk(async () => keep(await sendJson(`/api/v1/tasks/${id}`, { method: 'GET' })));
});

detail.addEventListener('click', (event) => {
  if (!event.target.closest('#json-task-toggle')) return;
  const body = { done: !selected.done };
  talk(async () => keep(await sendJson(`/api/v1/tasks/${selected.id}`, { method: 'PATCH', body })));
});

document.getElementById('json-tasks-reload').addEventListener('click', () => talk(loadList));
talk(loadList);

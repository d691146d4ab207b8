// Lesson 8's behaviour as checks any server can be held to: HTML routes for the page and a JSON API for programs,
// over the same tasks, so that a change made through one client is what the other reads next.
import {
  type Answer, byId, describe, fail, fieldsOf, hxAttr, idOf, inside, isDocument, type LessonSpec,
  rootWithId, swapStyle, textOf, withoutToken,
} from '../../kit/spec/index.js';

const hints = {
  markup: {
    en: 'Inside <div id="htmx-tasks">, give each task link hx-get (the same URL as its href), hx-target="#htmx-tasks" and hx-swap="outerHTML".',
    ko: '<div id="htmx-tasks"> 안의 할 일 링크마다 hx-get(href와 같은 URL), hx-target="#htmx-tasks", hx-swap="outerHTML"을 넣으세요.',
  },
  fragment: {
    en: 'Answer a task\'s URL from htmx with 200 and the _tasks partial alone (root <div id="htmx-tasks">), that task open with its hx-post form.',
    ko: 'htmx가 요청한 할 일 URL에 200과 _tasks 조각만(뿌리는 <div id="htmx-tasks">) 답하세요. 그 할 일이 hx-post 폼과 함께 열려 있어야 합니다.',
  },
  noHtmx: {
    en: 'Check the HX-Request header: htmx gets the fragment, the address bar the whole page (renderPage), and every answer says Vary: HX-Request.',
    ko: 'HX-Request 헤더를 확인하세요. htmx에게는 조각을, 주소창에는 페이지 전체(renderPage)를 주고, 모든 응답에 Vary: HX-Request를 붙이세요.',
  },
  json: {
    en: 'Answer GET /api/v1/tasks with 200, application/json and {"tasks": [{"id", "title", "done"}]}: the same tasks the page lists.',
    ko: 'GET /api/v1/tasks에 200, application/json, {"tasks": [{"id", "title", "done"}]}(페이지와 같은 할 일)로 답하세요.',
  },
  changeHtmx: {
    en: 'Answer the task form\'s POST from htmx with the _tasks fragment showing the change, and keep it in the one list the JSON API reads.',
    ko: 'htmx가 보낸 할 일 폼 POST에는 바뀐 상태의 _tasks 조각으로 답하고, 그 변경을 JSON API가 읽는 같은 목록에 저장하세요.',
  },
  changeJson: {
    en: 'Answer PATCH /api/v1/tasks/<id> with {"done": true|false} by changing the task and answering it as JSON; the htmx lane reads the same task.',
    ko: 'PATCH /api/v1/tasks/<id>와 {"done": true|false}에는 할 일을 바꾸고 그 할 일을 JSON으로 답하세요. htmx 레인도 같은 할 일을 읽습니다.',
  },
  csrf: {
    en: 'Refuse (403) a change that carries no CSRF token, on both lanes, before it changes anything.',
    ko: 'CSRF 토큰이 없는 변경은 두 레인 모두 아무것도 바꾸기 전에 403으로 거절하세요.',
  },
};

interface Task {
  id: number | string;
  title: string;
  done: boolean;
}

/** The tasks of GET /api/v1/tasks, when the answer is that list. */
function tasksIn(answer: Answer): Task[] | undefined {
  if (answer.status !== 200 || answer.type !== 'application/json') return undefined;
  const { tasks } = answer.json() as { tasks?: unknown };
  const valid = Array.isArray(tasks) && tasks.length > 0 && tasks.every((task: Partial<Task>) => task && (typeof task.id === 'number' || typeof task.id === 'string') && typeof task.title === 'string' && typeof task.done === 'boolean');
  return valid ? tasks as Task[] : undefined;
}

interface TaskView {
  text: string;
  /** The form that changes the open task: its URL and the fields it sends. */
  post: string;
  fields: Record<string, string>;
}

/** What an answer shows of #htmx-tasks with a task open: as its root when `fragment`, anywhere in a page otherwise. */
function taskView(answer: Answer, fragment: boolean): TaskView | undefined {
  if (answer.status !== 200 || answer.type !== 'text/html') return undefined;
  const html = answer.html();
  const root = fragment ? rootWithId(answer, 'htmx-tasks') : byId(html, 'htmx-tasks');
  const form = root && inside(html, root).find((el) => el.tag === 'form' && hxAttr(el, 'hx-post') !== undefined);
  return root && form && { text: textOf(html, root), post: hxAttr(form, 'hx-post')!, fields: fieldsOf(html, form, inside(html, form).find((el) => el.tag === 'button')) };
}

const varies = (answer: Answer) => /(^|,)\s*hx-request\s*(,|$)/i.test(answer.headers.get('vary') ?? '');

const spec: LessonSpec = {
  lesson: 'two-clients',
  async run(t) {
    const page = await t.openPage(['/lessons/two-clients', '/'], /id=["']?htmx-tasks\b/);
    const htmx = { target: 'div#htmx-tasks', source: 'a' };
    const api = '/api/v1/tasks';
    const readTasks = () => t.browser.send('GET', api, { headers: { Accept: 'application/json' } });

    // The first task link, and the URL later checks ask (its href when it has no hx-get), so one missing attribute
    // fails one check only.
    const tasksRoot = page && byId(page, 'htmx-tasks');
    const firstLink = page && tasksRoot && inside(page, tasksRoot).find((el) => el.tag === 'a' && (el.attrs.href ?? hxAttr(el, 'hx-get')));
    const link = page && firstLink ? { url: hxAttr(firstLink, 'hx-get') ?? firstLink.attrs.href!, text: textOf(page, firstLink) } : undefined;

    await t.check('markup', {
      en: 'the task links in #htmx-tasks have an href, and an hx-get, hx-target and hx-swap that point at #htmx-tasks',
      ko: '#htmx-tasks의 할 일 링크에 href가 있고, hx-get, hx-target, hx-swap이 #htmx-tasks를 가리킨다',
    }, async () => {
      const html = t.need(page);
      const root = byId(html, 'htmx-tasks') ?? fail(hints.markup, 'no element with id="htmx-tasks"');
      const links = inside(html, root).filter((el) => el.tag === 'a');
      if (links.length === 0) fail(hints.markup, '#htmx-tasks has no task links');
      for (const a of links) {
        const get = hxAttr(a, 'hx-get');
        if (!get || get !== a.attrs.href) fail(hints.markup, `a link has hx-get="${get ?? ''}" and href="${a.attrs.href ?? ''}"`);
        if (idOf(hxAttr(a, 'hx-target')) !== 'htmx-tasks' || swapStyle(a) !== 'outerHTML') fail(hints.markup, `a link has hx-target="${hxAttr(a, 'hx-target') ?? ''}" hx-swap="${hxAttr(a, 'hx-swap') ?? ''}"`);
      }
    });

    await t.check('fragment', {
      en: 'a task\'s URL with HX-Request answers text/html: #htmx-tasks alone, the task open with its form',
      ko: 'HX-Request를 담은 할 일 URL에 text/html로 답한다: #htmx-tasks 하나, 할 일이 폼과 함께 열림',
    }, async () => {
      const answer = await t.browser.send('GET', t.need(link).url, { htmx });
      if (!taskView(answer, true)) fail(hints.fragment, describe(answer));
    });

    await t.check('no-htmx', {
      en: 'the same URL without HX-Request answers the whole page; both answers say Vary: HX-Request',
      ko: 'HX-Request 없는 같은 URL에는 페이지 전체로 답하고, 두 응답 모두 Vary: HX-Request를 말한다',
    }, async () => {
      const { url } = t.need(link);
      const answer = await t.browser.get(url);
      if (answer.status !== 200 || answer.type !== 'text/html' || !isDocument(answer.html())) fail(hints.noHtmx, `opened directly: ${describe(answer)}`);
      const fragment = await t.browser.send('GET', url, { htmx });
      for (const [which, seen] of [['the page', answer], ['the fragment', fragment]] as const) {
        if (!varies(seen)) fail(hints.noHtmx, `${which} says Vary: ${seen.headers.get('vary') ?? '(nothing)'}`);
      }
    });

    const task = await t.check('json', {
      en: `GET ${api} answers {"tasks": [{"id", "title", "done"}]} as application/json, the page's tasks among them`,
      ko: `GET ${api}에 application/json으로 {"tasks": [{"id", "title", "done"}]}을 답하고, 페이지의 할 일이 그 안에 있다`,
    }, async () => {
      const answer = await readTasks();
      const tasks = tasksIn(answer) ?? fail(hints.json, describe(answer));
      const { text } = t.need(link);
      return tasks.find((one) => text.includes(one.title)) ?? fail(hints.json, `no task titled as the page's first link ("${text}")`);
    });
    const doneIn = async (id: Task['id']) => tasksIn(await readTasks())?.find((one) => one.id === id)?.done;
    const patch = (id: Task['id'], done: boolean, noCsrf = false) => t.browser.send('PATCH', `${api}/${id}`, { json: { done }, noCsrf });
    const postForm = (view: TaskView, noCsrf = false) =>
      t.browser.send('POST', view.post, { htmx: { target: 'div#htmx-tasks', source: 'button' }, form: noCsrf ? withoutToken(view.fields) : view.fields, noCsrf });
    /** The task open in the htmx lane, read as htmx asks for it (or from the page, if the answer is one). */
    const openTask = async () => taskView(await t.browser.send('GET', t.need(link).url, { htmx }), false);
    /**
     * Runs `change` on the task, then puts the task back as it was, whatever the server did with it: a PATCH that
     * names the state, not a read of it (a server under test may answer a stale list).
     */
    const andBack = async (id: Task['id'], change: (start: boolean) => Promise<void>) => {
      const start = t.need(await doneIn(id));
      try {
        await change(start);
      } finally {
        await patch(id, start);
      }
    };

    await t.check('change-htmx', {
      en: 'marking the task through the htmx form answers it changed, and the JSON API reads the change',
      ko: 'htmx 폼으로 할 일을 바꾸면 바뀐 모습으로 답하고, JSON API도 그 변경을 읽는다',
    }, async () => {
      const { id } = t.need(task);
      const view = await openTask() ?? fail(hints.changeHtmx, 'the open task has no form with hx-post');
      await andBack(id, async (start) => {
        const answer = await postForm(view);
        const after = taskView(answer, false);
        const done = await doneIn(id);
        if (after) await postForm(after); // and back, as the learner would click it
        if (!after || after.text === view.text) fail(hints.changeHtmx, after ? 'the answer shows the task as it was' : describe(answer));
        if (done !== !start) fail(hints.changeHtmx, `the JSON API still says "done": ${done}`);
      });
    });

    await t.check('change-json', {
      en: 'marking the task with PATCH on the JSON API answers it as JSON, and the htmx lane shows the change',
      ko: 'JSON API의 PATCH로 할 일을 바꾸면 JSON으로 답하고, htmx 레인도 그 변경을 보여 준다',
    }, async () => {
      const { id } = t.need(task);
      const before = await openTask();
      await andBack(id, async (start) => {
        const answer = await patch(id, !start);
        const body = answer.type === 'application/json' ? answer.json() as Partial<Task> : undefined;
        if (answer.status !== 200 || body?.done !== !start) fail(hints.changeJson, describe(answer));
        const seen = await openTask();
        if (!seen || seen.text === before?.text) fail(hints.changeJson, `the htmx lane shows ${seen ? 'the task as it was' : 'no task'}`);
      });
    });

    await t.check('csrf', {
      en: 'a change without the CSRF token is refused, on both lanes',
      ko: 'CSRF 토큰 없는 변경은 두 레인 모두 거절된다',
    }, async () => {
      t.need(t.browser.csrf);
      const { id, done } = t.need(task);
      const json = await patch(id, done, true); // the state it already has: taken by mistake, it changes nothing
      if (json.status < 400 || json.status >= 500) fail(hints.csrf, `PATCH ${api}/${id} without a token: ${describe(json)}`);
      const view = t.need(await openTask());
      const form = await postForm(view, true);
      if (form.status < 400 || form.status >= 500) {
        if (await doneIn(id) !== done) await patch(id, done); // taken by mistake: put the task back as it was
        fail(hints.csrf, `POST ${view.post} without a token: ${describe(form)}`);
      }
    });
  },
};

export default spec;

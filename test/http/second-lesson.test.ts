// A second lesson needs only its folder and a line in the lesson list: page, routes, code, inspector and nav follow.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { echoLesson, lessonsWithEcho } from '../fixtures/echo/registered.js';
import { panelsOf } from '../support/code-panels.js';
import { decodeEntities } from '../support/http.js';
import { newVisitor } from '../support/server.js';
import { useServer } from '../support/suite.js';

const server = useServer({ lessons: lessonsWithEcho });

describe('a second lesson', () => {
  it('gets its own page, listed in the lesson nav of every page', async () => {
    for (const path of ['/', '/lessons/like', '/lessons/echo']) {
      const html = await (await fetch(server.url + path)).text();
      expect(html).toContain('<a href="/lessons/echo"');
      expect(html).toContain('<a href="/lessons/like"');
    }
    const page = await (await fetch(server.url + '/lessons/echo?lang=ko')).text();
    expect(page).toContain('메아리 0');
    expect(page).toContain('메아리 노트.');
    expect(page).toContain('id="wire-echo-json"');
    expect(page).toContain('id="wire-echo-htmx"');
  });

  it('answers on both lanes, and the inspector files each exchange under this lesson', async () => {
    const visitor = await newVisitor(server.url, '/lessons/echo');
    expect(await (await visitor.fetch('/api/echo', { method: 'POST' })).json()).toEqual({ echoes: 1 });
    const fragment = await visitor.fetch('/echo/', { method: 'POST', headers: { 'HX-Request': 'true' } });
    expect((await fragment.text()).trim()).toBe('<output id="echo-out">Echo 2</output>');

    const page = await (await visitor.fetch('/lessons/echo')).text();
    const wireLists = /<ol class="wire" id="wire-echo-(\w+)"[^>]*>([\s\S]*?)<\/ol>/g;
    const lists = Object.fromEntries([...page.matchAll(wireLists)].map((m) => [m[1], m[2]]));
    expect(lists.json).toContain('/api/echo');
    expect(lists.htmx).toContain('/echo/');
    const likePage = await (await visitor.fetch('/lessons/like')).text();
    expect(likePage).not.toContain('/api/echo');
  });

  it('shows its own files in its code panels and serves its own script', async () => {
    const page = await (await fetch(server.url + '/lessons/echo')).text();
    const panels = await panelsOf(page, server.url);
    expect(panels.map((panel) => panel.file.split('/').slice(-2).join('/'))).toEqual([
      'views/json.ejs', 'public/echo.js', 'views/htmx.ejs', 'views/_echo.ejs',
    ]);
    for (const { file: name, html } of panels) {
      const file = join(echoLesson.dir, name.split('echo/').at(-1)!);
      expect(decodeEntities(html.replace(/<[^>]+>/g, ''))).toBe(await readFile(file, 'utf8'));
    }
    const script = await fetch(server.url + '/static/lessons/echo/echo.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toBe(await readFile(join(echoLesson.dir, 'public', 'echo.js'), 'utf8'));
  });
});

// Case 5: numbers the two places one answer updates, in the order the running htmx swapped them.
// One observer over the whole case: its records arrive in the order the changes were made.
const list = document.getElementById('swap-order');
const main = list.dataset.main;
const oob = list.dataset.oob;
let order = [];

const touches = (node, selector) =>
  (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest(selector) !== null;

function placeOf(record) {
  if (touches(record.target, main)) return main;
  const nodes = [record.target, ...record.addedNodes];
  return nodes.some((node) => node.nodeType === Node.ELEMENT_NODE && (node.matches(oob) || node.closest(oob))) ? oob : undefined;
}

new MutationObserver((records) => {
  for (const place of records.map(placeOf)) {
    if (!place || order.includes(place)) continue;
    order.push(place);
    list.replaceChildren(...order.map((name) => Object.assign(document.createElement('li'), { textContent: name })));
    list.dataset.order = order.join(' ');
  }
}).observe(document.getElementById('case-oob'), { childList: true, characterData: true, subtree: true });

// A click starts a new count.
document.getElementById('add-item').addEventListener('click', () => {
  order = [];
  list.replaceChildren();
  delete list.dataset.order;
});

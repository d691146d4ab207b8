// A unified diff of two texts, line by line (longest common subsequence), with three lines of context.
type Line = { kind: ' ' | '-' | '+'; text: string };

function diffLines(a: string[], b: string[]): Line[] {
  // common[i][j]: the length of the longest common subsequence of a[i..] and b[j..]
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const lines: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: ' ', text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) lines.push({ kind: '-', text: a[i++]! });
    else lines.push({ kind: '+', text: b[j++]! });
  }
  return lines;
}

export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string, context = 3): string {
  const lines = diffLines(before.split('\n'), after.split('\n'));
  const out = [`--- ${beforeName}`, `+++ ${afterName}`];
  let oldLine = 1;
  let newLine = 1;
  for (let at = 0; at < lines.length; ) {
    const firstChange = lines.findIndex((line, index) => index >= at && line.kind !== ' ');
    if (firstChange < 0) break;
    const start = Math.max(at, firstChange - context);
    for (let k = at; k < start; k++) oldLine++, newLine++;
    // The hunk runs on while changes are at most 2 * context lines apart.
    let end = firstChange;
    for (let k = firstChange; k < lines.length && k - end <= 2 * context; k++) if (lines[k]!.kind !== ' ') end = k;
    const stop = Math.min(lines.length, end + context + 1);
    const hunk = lines.slice(start, stop);
    const oldCount = hunk.filter((line) => line.kind !== '+').length;
    const newCount = hunk.filter((line) => line.kind !== '-').length;
    out.push(`@@ -${oldLine},${oldCount} +${newLine},${newCount} @@`, ...hunk.map((line) => `${line.kind}${line.text}`));
    oldLine += oldCount;
    newLine += newCount;
    at = stop;
  }
  return `${out.join('\n')}\n`;
}

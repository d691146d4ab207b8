// The room: who is connected and on which lesson and step, where the instructor is (what followers follow), the
// class pulse (Done / Stuck on a step) and the room's slow motion. Kept in memory, bounded, one per app.

export type Mark = 'done' | 'stuck';
export const marks: readonly Mark[] = ['done', 'stuck'];

export interface Position {
  lesson: string;
  /** A step number as the page's ?step= says it, or "all". */
  step: string;
}

/** One open lesson page, connected by its room stream. */
export interface Member {
  visitorId: string;
  instructor: boolean;
  position: Position;
  /** Writes one server-sent event to this page. */
  send(text: string): void;
  /** Ends this page's stream (the visitor opened too many). */
  close(): void;
}

/** What every page hears: where the instructor is, the slow motion, and the pulse round (a new one clears marks). */
export interface RoomNews {
  leader?: Position;
  latencyMs: number;
  pulseRound: number;
}

/** Where learners are: one row per lesson and step that has someone on it, with that step's pulse. */
export interface Spot extends Position {
  learners: number;
  done: number;
  stuck: number;
}

export const maxRoomLatencyMs = 3000;
/** Visitor ids come from cookies, which anyone can make up: the room holds this many pages at most. */
const maxMembers = 1000;
/** One visitor's tabs: past this many, their oldest stream is ended. */
const maxPagesPerVisitor = 6;

const samePosition = (a: Position | undefined, b: Position | undefined) => a?.lesson === b?.lesson && a?.step === b?.step;

export class Room {
  latencyMs: number;
  leader: Position | undefined;
  private pulseRound = 0;
  /** Each visitor's open pages, oldest first: the newest says where the visitor is. */
  private readonly pages = new Map<string, Member[]>();
  private memberCount = 0;
  /** A learner's mark on the step they were on when they gave it. */
  private readonly pulse = new Map<string, Position & { mark: Mark }>();

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs;
  }

  /** A newcomer is refused when the room is full, rather than cutting off a page already in it. */
  get full(): boolean {
    return this.memberCount >= maxMembers;
  }

  /** Adds an open page; the returned function takes it away again (its stream closed). */
  join(member: Member): () => void {
    const pages = this.pages.get(member.visitorId) ?? [];
    this.pages.set(member.visitorId, pages);
    pages.push(member);
    this.memberCount += 1;
    if (pages.length > maxPagesPerVisitor) pages[0]!.close();
    const mark = this.pulse.get(member.visitorId);
    if (mark && !samePosition(mark, member.position)) this.pulse.delete(member.visitorId); // the step changed
    if (member.instructor) this.lead(member.position);
    else member.send(this.newsEvent());
    return () => this.leave(member);
  }

  /** Learners connected now: visitors other than the instructor with a lesson page open. */
  learnerCount(): number {
    let count = 0;
    for (const pages of this.pages.values()) if (!pages[0]!.instructor) count += 1;
    return count;
  }

  /** Where the learners are, in the order the lessons and steps are listed; the pulse counts per spot. */
  spots(): Spot[] {
    const spots = new Map<string, Spot>();
    for (const [visitorId, pages] of this.pages) {
      const newest = pages[pages.length - 1]!;
      if (newest.instructor) continue;
      const key = `${newest.position.lesson}\n${newest.position.step}`;
      let spot = spots.get(key);
      if (!spot) spots.set(key, (spot = { ...newest.position, learners: 0, done: 0, stuck: 0 }));
      spot.learners += 1;
      const mark = this.pulse.get(visitorId);
      if (mark && samePosition(mark, newest.position)) spot[mark.mark] += 1;
    }
    return [...spots.values()];
  }

  /** A learner's Done or Stuck on a step; the same mark again, or undefined, takes it back. */
  mark(visitorId: string, position: Position, mark: Mark | undefined): Mark | undefined {
    const current = this.markOf(visitorId, position);
    if (mark === undefined || mark === current) {
      this.pulse.delete(visitorId);
      return undefined;
    }
    if (this.pulse.size >= maxMembers && !this.pulse.has(visitorId)) this.pulse.delete(this.pulse.keys().next().value!);
    this.pulse.set(visitorId, { ...position, mark });
    return mark;
  }

  markOf(visitorId: string, position: Position): Mark | undefined {
    const mark = this.pulse.get(visitorId);
    return mark && samePosition(mark, position) ? mark.mark : undefined;
  }

  /** The instructor moved: followers go there, and the pulse starts afresh for the new step. */
  lead(position: Position): void {
    if (samePosition(position, this.leader)) return;
    this.leader = { ...position };
    this.clearPulse();
  }

  /** Clears every mark: the console's "clear", and every step the instructor moves to. */
  clearPulse(): void {
    this.pulse.clear();
    this.pulseRound += 1;
    this.broadcast();
  }

  setLatency(ms: number): void {
    this.latencyMs = Math.min(Math.max(Math.round(ms), 0), maxRoomLatencyMs);
    this.broadcast();
  }

  news(): RoomNews {
    return { leader: this.leader, latencyMs: this.latencyMs, pulseRound: this.pulseRound };
  }

  /** Ends every open page's stream (server shutdown). */
  closeAll(): void {
    for (const pages of [...this.pages.values()]) for (const member of [...pages]) member.close();
  }

  private newsEvent(): string {
    return `event: room\ndata: ${JSON.stringify(this.news())}\n\n`;
  }

  /** One event, made once, to every page that listens (the instructor's pages need none). */
  private broadcast(): void {
    const event = this.newsEvent();
    for (const pages of this.pages.values()) for (const member of pages) if (!member.instructor) member.send(event);
  }

  private leave(member: Member): void {
    const pages = this.pages.get(member.visitorId);
    const index = pages?.indexOf(member) ?? -1;
    if (!pages || index < 0) return;
    pages.splice(index, 1);
    this.memberCount -= 1;
    if (pages.length === 0) this.pages.delete(member.visitorId);
  }
}

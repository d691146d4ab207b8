// What each visitor has done in this lesson, per version: likes, items added, and the 4.x lane's compatibility switch.
import { perVisitor } from '../shared/per-visitor.js';

export interface Counts {
  likes: number;
  items: number;
}

export interface VisitorState {
  byMajor: Record<'2' | '4', Counts>;
  /** htmx.config.implicitInheritance and noSwap set to htmx 2's behaviour in the 4.x frame. */
  compat: boolean;
}

export const visitors = perVisitor<VisitorState>(() => ({
  byMajor: { 2: { likes: 0, items: 0 }, 4: { likes: 0, items: 0 } },
  compat: false,
}));

/** The htmx.config the 4.x frame gets with the switch on: htmx 2's inheritance and its no-swap statuses. */
export const compatConfig = { implicitInheritance: true, noSwap: [204, 304, '4xx', '5xx'] };

/** htmx 2 adds its indicator styles as an inline <style>, which a strict CSP refuses: the 2.x frame turns it off. */
export const htmx2Config = { includeIndicatorStyles: false };

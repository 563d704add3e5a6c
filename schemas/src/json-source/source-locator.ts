import { escapePointerSegment } from "./json-pointer.js";

export interface SourcePosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  readonly column: number;
}

export interface DuplicateKey {
  /** Pointer of the repeated member (the later one, which JSON.parse keeps). */
  readonly pointer: string;
  readonly position: SourcePosition;
  readonly firstPosition: SourcePosition;
}

export interface SourceMap {
  /** Position of the value at a pointer; for an object member, of its key. */
  positionOf(pointer: string): SourcePosition | undefined;
  readonly duplicateKeys: readonly DuplicateKey[];
}

/**
 * Tokenises JSON text (already known to parse) and records where each value
 * starts, by JSON Pointer. Iterative, linear, and only run when there are
 * problems to place or duplicate keys to find.
 */
export function buildSourceMap(text: string): SourceMap {
  const offsets = new Map<string, number>();
  const duplicateKeys: { pointer: string; offset: number; firstOffset: number }[] = [];
  type Container = { pointer: string; isArray: boolean; index: number; keys: Map<string, number> | null };
  const stack: Container[] = [];
  let pendingPointer = "";
  let i = 0;
  const n = text.length;

  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const readString = (): string => {
    const start = i;
    i++;
    let hasEscape = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        hasEscape = true;
        i += 2;
      } else if (c === 34) break;
      else i++;
    }
    i++;
    const raw = text.slice(start, i);
    return hasEscape ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };

  const beginValue = (): void => {
    const top = stack[stack.length - 1];
    if (top?.isArray) pendingPointer = top.pointer + "/" + top.index++;
    if (!offsets.has(pendingPointer) || !top || top.isArray) offsets.set(pendingPointer, i);
  };

  skipSpace();
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 123 || c === 91) {
      beginValue();
      stack.push({ pointer: pendingPointer, isArray: c === 91, index: 0, keys: c === 123 ? new Map() : null });
      i++;
    } else if (c === 125 || c === 93) {
      stack.pop();
      i++;
    } else if (c === 44 || c === 58) i++;
    else if (c === 34 && top && !top.isArray && isKeyPosition(text, i)) {
      const keyOffset = i;
      const key = readString();
      const pointer = top.pointer + "/" + escapePointerSegment(key);
      const first = top.keys!.get(key);
      if (first !== undefined) duplicateKeys.push({ pointer, offset: keyOffset, firstOffset: first });
      else top.keys!.set(key, keyOffset);
      offsets.set(pointer, keyOffset);
      pendingPointer = pointer;
    } else {
      beginValue();
      if (c === 34) readString();
      else while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
    }
    skipSpace();
  }

  const lineStarts = computeLineStarts(text);
  const toPosition = (offset: number): SourcePosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  return {
    positionOf(pointer) {
      let p = pointer;
      for (;;) {
        const offset = offsets.get(p);
        if (offset !== undefined) return toPosition(offset);
        if (p === "") return undefined;
        p = p.slice(0, p.lastIndexOf("/"));
      }
    },
    duplicateKeys: duplicateKeys.map((d) => ({ pointer: d.pointer, position: toPosition(d.offset), firstPosition: toPosition(d.firstOffset) })),
  };
}

/** A string inside an object is a key when the previous significant character is `{` or `,`. */
function isKeyPosition(text: string, at: number): boolean {
  for (let j = at - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    return c === 123 || c === 44;
  }
  return false;
}

function isDelimiter(c: number): boolean {
  return c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9;
}

/** Offsets where each line starts. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Position of a character offset (for JSON.parse errors). */
export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

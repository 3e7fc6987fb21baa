/**
 * The index's vocabulary: every folded term, kept sorted. Sorting buys both kinds of forgiving
 * lookup without a trie's memory: a prefix ("stolt") is a contiguous range found by binary search,
 * and typo candidates ("stoltenbreg" → "stoltenberg") come from an edit-distance walk that treats
 * the sorted list as a trie: the rows of the distance table are shared between neighbours with a
 * common prefix, and a whole prefix is skipped as soon as no word under it can be close enough.
 */
export class SortedVocabulary {
  #terms: string[] = [];

  /** A vocabulary of terms that are already distinct and sorted in code-unit order (the caller checks). */
  static fromSorted(terms: string[]): SortedVocabulary {
    const vocabulary = new SortedVocabulary();
    vocabulary.#terms = terms;
    return vocabulary;
  }

  /** How many distinct terms. */
  get size(): number {
    return this.#terms.length;
  }

  /** The terms in code-unit order (read-only view). */
  get terms(): readonly string[] {
    return this.#terms;
  }

  /** Adds terms that are not in the vocabulary yet (the caller checks), keeping the order. */
  insert(fresh: string[]): void {
    if (fresh.length === 0) return;
    fresh.sort();
    const old = this.#terms;
    if (old.length === 0) {
      this.#terms = fresh;
      return;
    }
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < old.length && j < fresh.length) merged.push(old[i]! < fresh[j]! ? old[i++]! : fresh[j++]!);
    while (i < old.length) merged.push(old[i++]!);
    while (j < fresh.length) merged.push(fresh[j++]!);
    this.#terms = merged;
  }

  /** The first index whose term is not less than `term`. */
  lowerBound(term: string, from = 0): number {
    let low = from;
    let high = this.#terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#terms[middle]! < term) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Every term that starts with `prefix` (including `prefix` itself when it is a term). */
  withPrefix(prefix: string): readonly string[] {
    const start = this.lowerBound(prefix);
    return this.#terms.slice(start, this.#endOfPrefix(prefix, start));
  }

  /**
   * Calls `visit` for every term within `maxDistance` edits of `query`, where an edit is an
   * insertion, deletion, substitution or a swap of two neighbouring letters (optimal string
   * alignment distance: "stoltenbreg" is one edit from "stoltenberg"). With `startingWith`, only
   * terms that start with it are walked.
   */
  similar(query: string, maxDistance: number, visit: (term: string, distance: number) => void, startingWith = ''): void {
    const terms = this.#terms;
    let index = startingWith ? this.lowerBound(startingWith) : 0;
    const end = startingWith ? this.#endOfPrefix(startingWith, index) : terms.length;
    const width = query.length + 1;
    // rows[d][j]: distance between the first d letters of the current term and the first j of the query.
    const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, j) => j)];
    let previous = '';
    let validDepth = 0;
    terms: while (index < end) {
      const term = terms[index]!;
      let depth = commonPrefixLength(previous, term, validDepth);
      previous = term;
      while (depth < term.length) {
        depth += 1;
        const row = (rows[depth] ??= new Int32Array(width));
        const above = rows[depth - 1]!;
        const twoAbove = depth >= 2 ? rows[depth - 2]! : undefined;
        const letter = term.charCodeAt(depth - 1);
        const previousLetter = depth >= 2 ? term.charCodeAt(depth - 2) : -1;
        row[0] = depth;
        let rowMinimum = depth;
        for (let j = 1; j < width; j += 1) {
          const queryLetter = query.charCodeAt(j - 1);
          const cost = queryLetter === letter ? 0 : 1;
          let value = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
          if (twoAbove && j > 1 && cost === 1 && letter === query.charCodeAt(j - 2) && previousLetter === queryLetter) {
            value = Math.min(value, twoAbove[j - 2]! + 1);
          }
          row[j] = value;
          if (value < rowMinimum) rowMinimum = value;
        }
        // Later rows never fall below this row's minimum (a swap reaching two rows back starts
        // from a cell no smaller than one of this row), so no word sharing these
        // `depth` letters can be close enough: jump past all of them.
        if (rowMinimum > maxDistance) {
          validDepth = depth;
          index = this.#endOfPrefix(term.slice(0, depth), index + 1);
          continue terms;
        }
      }
      validDepth = term.length;
      const distance = rows[term.length]![width - 1]!;
      if (distance <= maxDistance) visit(term, distance);
      index += 1;
    }
  }

  /** The first index at or after `from` whose term does not start with `prefix`. */
  #endOfPrefix(prefix: string, from: number): number {
    if (prefix === '') return this.#terms.length;
    const last = prefix.charCodeAt(prefix.length - 1);
    if (last === 0xffff) return this.#terms.length;
    return this.lowerBound(prefix.slice(0, -1) + String.fromCharCode(last + 1), from);
  }
}

function commonPrefixLength(a: string, b: string, limit: number): number {
  const max = Math.min(a.length, b.length, limit);
  let length = 0;
  while (length < max && a.charCodeAt(length) === b.charCodeAt(length)) length += 1;
  return length;
}

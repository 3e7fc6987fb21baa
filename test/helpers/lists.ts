/**
 * Entries of a list that a test expects to be there, failing with a plain message when the list is
 * shorter (rather than with a TypeError further on). With `noUncheckedIndexedAccess`, `list[0]` and
 * `const [a, b] = list` may be undefined; `nth(list, 0)` and `const [a, b] = take(list, 2)` may not.
 */

/** `list[index]`; a negative index counts from the end. */
export function nth<T>(list: ArrayLike<T>, index: number): T {
  const position = index < 0 ? list.length + index : index;
  if (position < 0 || position >= list.length) throw new Error(`Expected an entry at index ${index}, but the list has ${list.length}.`);
  return list[position] as T;
}

type Tuple<T, N extends number, Taken extends T[] = []> = Taken['length'] extends N ? Taken : Tuple<T, N, [...Taken, T]>;

/** The first `count` entries, for destructuring. */
export function take<T, N extends number>(list: ArrayLike<T>, count: N): Tuple<T, N> {
  if (list.length < count) throw new Error(`Expected at least ${count} entries, but the list has ${list.length}.`);
  return Array.from(list).slice(0, count) as Tuple<T, N>;
}

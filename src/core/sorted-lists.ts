/** Lists of numbers kept in ascending order, each number once, as the likeness measures compare them. */

/** How many numbers two ascending lists share, found in one merge. */
export function countCommon(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let common = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return common;
}

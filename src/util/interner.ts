/** Numbers for strings, in order of first sight: compact keys for large tables. */
export class Interner {
  private readonly numbers = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.numbers.set(value, n);
      this.values.push(value);
    }
    return n;
  }
}

/**
 * At most `size` holders at once, the others waiting in arrival order. Protocol production takes a
 * turn before gathering its data, so sixty decisions at once gather one by one as the render
 * processes free up, not all in the first second on the main thread (holding sixty documents' data).
 */
export class Turns {
  private holders = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.holders >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.holders += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The turn passes straight to the next in line; holders stays counted for it.
      if (next) next();
      else this.holders -= 1;
    }
  }
}

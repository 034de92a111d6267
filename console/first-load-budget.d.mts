/** Types of first-load-budget.mjs (the console's build step), for the test that checks it. */
export declare const FIRST_LOAD_BUDGET: number;
export declare function firstLoadBudget(): {
  name: string;
  apply: 'build';
  generateBundle(this: unknown, options: unknown, bundle: Record<string, unknown>): void;
  writeBundle(options: { dir?: string }, bundle: Record<string, unknown>): void;
};

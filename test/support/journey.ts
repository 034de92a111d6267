/**
 * A case's way through the steps of the law, one test a step, each taking the case from where
 * the test before left it. Run alone (`-t`), a test first takes the steps before its own, with
 * their checks, so it never depends on what happened to run before it; run in order, each step
 * is taken once.
 */
export function journey(): { it: (name: string, body: () => Promise<void>, timeout?: number) => void } {
  const steps: { body: () => Promise<void>; taken?: Promise<void> }[] = [];
  const take = (index: number): Promise<void> => {
    const step = steps[index];
    step.taken ??= (index > 0 ? take(index - 1) : Promise.resolve()).then(step.body);
    return step.taken;
  };
  return {
    it(name, body, timeout) {
      const index = steps.push({ body }) - 1;
      it(name, () => take(index), timeout);
    },
  };
}

/** Tasks run one after another in the order they were added, behind whoever adds them; a failing task does not stop the next. */
export function serialQueue() {
  let tail: Promise<void> = Promise.resolve();
  return {
    add(task: () => Promise<void>): Promise<void> {
      tail = tail.then(task).catch(() => undefined);
      return tail;
    },
    /** Like add, and answers with the task's own result (or failure). */
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}

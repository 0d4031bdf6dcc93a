/**
 * Settles like `wait`, or rejects with `signal.reason` as soon as `signal`
 * aborts (the wait itself is left to finish on its own; it holds nothing).
 *
 * @example
 * ```ts
 * await abortable(new Promise((r) => setTimeout(r, 1000)), AbortSignal.timeout(10)); // rejects after 10 ms
 * ```
 */
export function abortable<T>(wait: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return wait;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    wait.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(err as Error);
      },
    );
  });
}

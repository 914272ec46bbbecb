import { Observable, type MonoTypeOperatorFunction, type OperatorFunction } from 'rxjs';

/**
 * Emits the latest value once `quietMs` have passed without another, or `maxWaitMs` after the
 * first value that is waiting, whichever comes first: a burst costs one emission, and a stream
 * that never pauses (a long import's events) still gets one every `maxWaitMs`.
 */
export function coalesce<T>(quietMs: number, maxWaitMs: number): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let quiet: ReturnType<typeof setTimeout> | undefined;
      let max: ReturnType<typeof setTimeout> | undefined;
      let pending = false;
      let latest: T;
      const fire = () => {
        clearTimeout(quiet);
        clearTimeout(max);
        quiet = max = undefined;
        if (!pending) return;
        pending = false;
        subscriber.next(latest);
      };
      const subscription = source.subscribe({
        next: (value) => {
          latest = value;
          pending = true;
          clearTimeout(quiet);
          quiet = setTimeout(fire, quietMs);
          max ??= setTimeout(fire, maxWaitMs);
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => {
          fire();
          subscriber.complete();
        },
      });
      return () => {
        clearTimeout(quiet);
        clearTimeout(max);
        subscription.unsubscribe();
      };
    });
}

/**
 * Collects values into one array per `ms` (counted from the first value of each batch), so a
 * flood of events is applied to a view once per batch instead of once per event.
 */
export function inBatches<T>(ms: number): OperatorFunction<T, T[]> {
  return (source) =>
    new Observable<T[]>((subscriber) => {
      let batch: T[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        clearTimeout(timer);
        timer = undefined;
        const values = batch;
        batch = [];
        if (values.length) subscriber.next(values);
      };
      const subscription = source.subscribe({
        next: (value) => {
          batch.push(value);
          timer ??= setTimeout(flush, ms);
        },
        error: (err: unknown) => subscriber.error(err),
        complete: () => {
          flush();
          subscriber.complete();
        },
      });
      return () => {
        clearTimeout(timer);
        subscription.unsubscribe();
      };
    });
}

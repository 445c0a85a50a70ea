// Bounds how long a request waits (for a database that froze): the caller gets a clear UNAVAILABLE instead of a hang.
import { type AppError, appError } from './app-error';

export function lateAnswer(ms: number): AppError {
  const s = Math.max(1, Math.round(ms / 1000));
  return appError('UNAVAILABLE', 'db.late', { seconds: s });
}

export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(lateAnswer(ms)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

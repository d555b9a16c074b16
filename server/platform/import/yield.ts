/**
 * Lets the server answer other requests (progress polls, health checks) between chunks of a long import: on PGlite
 * every query resolves as a microtask, so an import that never yields holds the event loop to its end.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

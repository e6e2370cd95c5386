// The job-workers process runs the portal's lib/ outside Next.js (scripts/workers/main.ts): `server-only` guards a
// module against being bundled for the browser, which does not arise here, so it resolves to an empty module.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {};', shortCircuit: true };
  return nextResolve(specifier, context);
}

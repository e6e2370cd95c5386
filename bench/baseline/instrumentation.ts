// Turbopack looks for instrumentation up to the workspace root and would take the portal's (its job workers):
// the baseline has one of its own, which does nothing.
export function register() {}

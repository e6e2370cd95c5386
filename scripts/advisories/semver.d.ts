// The two functions of `semver` (a dependency of our dependencies, present in node_modules) the advisory check uses.
declare module 'semver' {
  export function satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  export function valid(version: string): string | null;
}

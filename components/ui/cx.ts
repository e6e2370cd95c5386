export type ClassValue = string | false | null | undefined;

/** Joins the truthy class names: `cx('a', cond && 'b')`. */
export function cx(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(' ');
}

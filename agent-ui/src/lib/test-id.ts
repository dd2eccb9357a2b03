/**
 * `{ 'data-testid': id }`, for the browser tests' stable selectors. Spread it into the `native*Props` of DSFR
 * components, whose types do not list data attributes.
 */
export function testId(id: string): { 'data-testid': string } {
  return { 'data-testid': id };
}

/** A password a company would accept: long enough, not just one kind of character. */
export function passwordProblems(password: string): 'too_short' | 'too_simple' | null {
  if (password.length < 10) return 'too_short';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  return kinds < 2 ? 'too_simple' : null;
}

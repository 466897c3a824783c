// asl-validator ships no types; this is the part the tests use.
declare module 'asl-validator' {
  export default function aslValidator(definition: unknown): { isValid: boolean; errors: { message: string }[]; errorsText(separator?: string): string };
}

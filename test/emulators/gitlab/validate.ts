// The model validations GitLab runs on a CI/CD variable before saving it, with its messages. Sources: the
// variables API pages (key: ≤255 chars of A-Z a-z 0-9 _; description ≤255) and GitLab's variable model rules:
// a masked value must be one line of ≥8 characters from the Base64 alphabet plus @ : . ~ (with `raw`, any
// non-space characters), and a masked-and-hidden variable cannot be made visible again.
import type { Variable } from './state.js';

export const KEY_FORMAT = /^[a-zA-Z0-9_]+$/;
/** A masked value GitLab expands (`raw: false`). */
export const MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;
/** A masked value with `raw: true`. */
export const MASKABLE_RAW = /^\S{8,}$/;
const SCOPE_FORMAT = /^[a-zA-Z0-9_/${}. *-]+$/;
const MAX = 255;

/** Every problem with `v` among `siblings` (the owner's other variables), keyed like GitLab's error body. */
export function validateVariable(
  v: Variable,
  siblings: Variable[],
  before?: Variable,
): Record<string, string[]> | undefined {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    errors[field] ??= [];
    errors[field].push(message);
  };
  if (!v.key) add('key', "can't be blank");
  if (v.key.length > MAX) add('key', `is too long (maximum is ${MAX} characters)`);
  if (v.key && !KEY_FORMAT.test(v.key)) add('key', "can contain only letters, digits and '_'.");
  if (siblings.some((o) => o.key === v.key && o.environment_scope === v.environment_scope)) {
    add('key', `(${v.key}) has already been taken`);
  }
  if (v.masked && !(v.raw ? MASKABLE_RAW : MASKABLE).test(v.value)) add('value', 'is invalid');
  if (!v.environment_scope) add('environment_scope', "can't be blank");
  else if (!SCOPE_FORMAT.test(v.environment_scope)) {
    add(
      'environment_scope',
      "can contain only letters, digits, '-', '_', '/', '$', '{', '}', '.', '*' and spaces",
    );
  }
  if (v.description && v.description.length > MAX) {
    add('description', `is too long (maximum is ${MAX} characters)`);
  }
  if (before?.hidden && v.masked !== before.masked) {
    add('base', 'The visibility setting cannot be changed for masked and hidden variables.');
  }
  return Object.keys(errors).length ? errors : undefined;
}

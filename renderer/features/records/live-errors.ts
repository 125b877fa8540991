import { fieldErrors, type FieldErrors } from '@renderer/platform/ui';

/**
 * Which errors a records form shows while the officer edits (issue 16): a field's own rules and the cross-field
 * checks (ID number against sex and birth date) are re-run on every change, and shown for the fields already
 * touched (left once, or picked) — or for every field once a save was tried. An error only a save can find (户号
 * taken, ID number registered) stays until that field's value changes. So a corrected ID number loses its
 * 校验码不正确 at once, and 性别 "必填" goes when the ID fills it in.
 */
export interface LiveErrorState {
  touched: ReadonlySet<string>;
  /** A save was tried: every field counts as touched. */
  submitted: boolean;
  /** The errors the last save found that the form's schema cannot (rule errors), with the value each had then. */
  saveOnly: FieldErrors;
  saveOnlyValues: Readonly<Record<string, string>>;
}

/** Something with zod's safeParse: the form's schema. */
export interface Checkable {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export function liveErrors(schema: Checkable, model: Readonly<Record<string, unknown>>, state: LiveErrorState): FieldErrors {
  const checked = schema.safeParse(model);
  const live = checked.success ? {} : fieldErrors(checked.error) ?? {};
  const shown: FieldErrors = {};
  for (const [field, error] of Object.entries(live)) if (state.submitted || state.touched.has(field)) shown[field] = error;
  for (const [field, error] of Object.entries(state.saveOnly)) {
    if (!(field in shown) && text(model[field]) === state.saveOnlyValues[field]) shown[field] = error;
  }
  return shown;
}

/** The errors of a failed save the schema alone does not report (kept until their field changes). */
export function saveOnlyErrors(schema: Checkable, model: Readonly<Record<string, unknown>>, saved: FieldErrors): { errors: FieldErrors; values: Record<string, string> } {
  const checked = schema.safeParse(model);
  const live = checked.success ? {} : fieldErrors(checked.error) ?? {};
  const errors: FieldErrors = {};
  const values: Record<string, string> = {};
  for (const [field, error] of Object.entries(saved)) {
    if (field in live) continue;
    errors[field] = error;
    values[field] = text(model[field]);
  }
  return { errors, values };
}

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrameProps {
  label: string;
  hint?: string;
  error?: string;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** Label, control, hint and error, wired together for screen readers. */
function FieldFrame({ label, hint, error, children }: FieldFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string };

export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy }) => <input {...input} id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />}
    </FieldFrame>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
};

export function SelectField({ label, hint, error, options, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select {...select} id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string };

export function TextAreaField({ label, hint, error, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy }) => <textarea rows={4} {...textarea} id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />}
    </FieldFrame>
  );
}

interface ChoiceGroupProps {
  legend: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  /** Checkboxes when `values` is given, radio buttons when `value` is. */
  values?: readonly string[];
  value?: string;
  onChange: (next: string[] | string) => void;
  columns?: boolean;
}

/** A fieldset of checkboxes or radio buttons with a legend, so that each choice is announced in context. */
export function ChoiceGroup({ legend, hint, error, options, values, value, onChange, columns = false }: ChoiceGroupProps) {
  const id = useId();
  const many = values !== undefined;
  return (
    <fieldset className={error ? 'choice-group field-invalid' : 'choice-group'} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className={columns ? 'choices choices-columns' : 'choices'}>
        {options.map((option) => {
          const checked = many ? values.includes(option.value) : value === option.value;
          return (
            <label key={option.value} className="choice">
              <input
                type={many ? 'checkbox' : 'radio'}
                name={id}
                value={option.value}
                checked={checked}
                onChange={(event) => {
                  if (!many) onChange(option.value);
                  else onChange(event.target.checked ? [...values, option.value] : values.filter((v) => v !== option.value));
                }}
              />
              {option.label}
            </label>
          );
        })}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
